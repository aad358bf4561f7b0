import { EmptyState } from "./states";

/** Placeholder for a page a later milestone fills; says what will be there. */
export function ComingSoon({ what }: { what: string }) {
  return <EmptyState title="Not built yet">{what}</EmptyState>;
}
