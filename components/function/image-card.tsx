import type { FunctionDetail } from "@/lib/contracts/function-detail";
import { Card } from "../ui/card";
import { Definition, DefinitionList } from "../ui/definition-list";
import { formatBytes, formatDateTime, shortDigest } from "../ui/format";

type Image = NonNullable<FunctionDetail["image"]>;

function Findings({ findings, scanStatus }: Pick<Image, "findings" | "scanStatus">) {
  if (!findings) return <>not scanned</>;
  const { critical, high, medium, low } = findings;
  return (
    <span className="tabular-nums">
      <span className={critical > 0 ? "font-semibold text-red-700 dark:text-red-400" : ""}>{critical} critical</span> ·{" "}
      {high} high · {medium} medium · {low} low
      {scanStatus ? <span className="text-zinc-500 dark:text-zinc-400"> ({scanStatus})</span> : null}
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
          <Findings findings={image.findings} scanStatus={image.scanStatus} />
        </Definition>
      </DefinitionList>
    </Card>
  );
}
