"use client";

import { ErrorState } from "@/components/ui/states";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      title="This page could not be loaded"
      message={error.digest ? `The server reported an error (reference ${error.digest}).` : error.message}
      onRetry={reset}
    />
  );
}
