import { Skeleton } from "@/components/ui/states";

export default function Loading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading function" className="space-y-3">
      <Skeleton className="h-7 w-80" />
      <Skeleton className="h-5 w-96" />
      <Skeleton className="h-16" />
      <div className="grid gap-3 xl:grid-cols-2">
        <Skeleton className="h-72" />
        <Skeleton className="h-72" />
      </div>
    </div>
  );
}
