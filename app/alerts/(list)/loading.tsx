import { Skeleton } from "@/components/ui/states";

// Only the list streams behind a skeleton: the permalink page must be able to answer a real 404.
export default function Loading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading alerts" className="space-y-3">
      <Skeleton className="h-7 w-48" />
      <Skeleton className="h-12" />
      <Skeleton className="h-96" />
    </div>
  );
}
