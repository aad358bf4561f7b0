import { Skeleton } from "@/components/ui/states";

export default function Loading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading accounts" className="space-y-3">
      <Skeleton className="h-7 w-48" />
      <Skeleton className="h-40" />
      <Skeleton className="h-40" />
    </div>
  );
}
