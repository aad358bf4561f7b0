import { Skeleton } from "@/components/ui/states";

export default function Loading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading functions" className="space-y-3">
      <Skeleton className="h-7 w-48" />
      <Skeleton className="h-12" />
      {Array.from({ length: 12 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholder rows
        <Skeleton key={i} className="h-8" />
      ))}
    </div>
  );
}
