import type { FunctionDetail } from "@/lib/contracts/function-detail";
import { Card } from "../ui/card";
import { Definition, DefinitionList } from "../ui/definition-list";
import { formatCount } from "../ui/format";

/** Monospace text, or nothing (so the definition shows its dash). */
const code = (text: string | null) => (text ? <code className="text-xs">{text}</code> : null);

const asJson = (items: string[] | null) => (items && items.length > 0 ? JSON.stringify(items) : null);

export function ConfigurationCard({ fn }: { fn: FunctionDetail }) {
  const tags = Object.entries(fn.tags);
  return (
    <Card title="Configuration">
      <DefinitionList>
        <Definition label="ARN">{code(fn.arn)}</Definition>
        {fn.image ? (
          <>
            <Definition label="Image URI">{code(fn.image.uri)}</Definition>
            <Definition label="Digest">{code(fn.image.digest)}</Definition>
            <Definition label="Entry point">{code(asJson(fn.image.entryPoint))}</Definition>
            <Definition label="Command">{code(asJson(fn.image.command))}</Definition>
            <Definition label="Working dir">{code(fn.image.workingDirectory)}</Definition>
          </>
        ) : (
          <>
            <Definition label="Runtime">{fn.runtime}</Definition>
            <Definition label="Handler">{code(fn.handler)}</Definition>
          </>
        )}
        <Definition label="Architecture">{fn.architecture}</Definition>
        <Definition label="Memory">{formatCount(fn.memoryMb)} MB</Definition>
        <Definition label="Timeout">{fn.timeoutSec} s</Definition>
        <Definition label="/tmp size">{formatCount(fn.ephemeralMb)} MB</Definition>
        <Definition label="EFS mounts">
          {fn.fileSystems.length > 0
            ? fn.fileSystems.map((fs) => (
                <div key={fs.arn}>
                  {code(fs.localMountPath)} ← {code(fs.arn)}
                </div>
              ))
            : "none"}
        </Definition>
        <Definition label="Log group">{code(fn.logGroup)}</Definition>
        <Definition label="Log format">{fn.logFormat}</Definition>
        <Definition label="Tags">
          {tags.length > 0
            ? tags.map(([key, value]) => (
                <span key={key} className="mr-1.5 inline-block rounded bg-zinc-100 px-1.5 text-xs dark:bg-zinc-800">
                  {key}={value}
                </span>
              ))
            : "none"}
        </Definition>
      </DefinitionList>
    </Card>
  );
}
