import type { FunctionDetail } from "@/lib/contracts/function-detail";
import { Card } from "../ui/card";
import { Definition, DefinitionList } from "../ui/definition-list";
import { formatBytes, formatDate, formatDateTime, shortDigest } from "../ui/format";
import { LifecycleVerdict, ScanCoverage } from "./image-safety";

type Image = NonNullable<FunctionDetail["image"]>;

function Findings({ findings, scannedAt }: { findings: Image["findings"]; scannedAt: string | null }) {
  if (!findings) return <>not scanned</>;
  const { critical, high, medium, low } = findings;
  return (
    <span className="tabular-nums">
      <span className={critical > 0 ? "font-semibold text-red-700 dark:text-red-400" : ""}>{critical} critical</span> ·{" "}
      {high} high · {medium} medium · {low} low
      <span className="text-zinc-500 dark:text-zinc-400"> (scan of {formatDate(scannedAt)})</span>
    </span>
  );
}

export function ImageCard({ image }: { image: Image }) {
  return (
    <Card title="Image">
      {image.missingAt ? (
        <p role="alert" className="mb-2 text-sm font-medium text-red-700 dark:text-red-400">
          ECR no longer has this image (since {formatDateTime(image.missingAt)}): the function fails on its next cold
          start.
        </p>
      ) : null}
      <DefinitionList>
        <Definition label="Repository">
          {image.repository ? <code className="text-xs">{image.repository}</code> : null}
        </Definition>
        <Definition label="Tag">{image.tag}</Definition>
        <Definition label="Digest">
          <code className="text-xs" title={image.digest ?? undefined}>
            {shortDigest(image.digest)}
          </code>
        </Definition>
        <Definition label="Pushed">{formatDateTime(image.pushedAt)}</Definition>
        <Definition label="Size (compressed)">{formatBytes(image.sizeBytes)}</Definition>
        <Definition label="Last pulled">{formatDateTime(image.lastPulledAt)}</Definition>
        <Definition label="Findings">
          <Findings findings={image.findings} scannedAt={image.safety?.scanCompletedAt ?? null} />
        </Definition>
        <Definition label="Last scan">{image.safety ? <ScanCoverage safety={image.safety} /> : null}</Definition>
        <Definition label="Lifecycle policy">
          {image.safety?.described ? <LifecycleVerdict lifecycle={image.safety.lifecycle} /> : null}
        </Definition>
      </DefinitionList>
    </Card>
  );
}
