import type { FunctionDetail } from "@/lib/db/queries/function-detail";
import { Card } from "../ui/card";
import { Definition, DefinitionList } from "../ui/definition-list";
import { formatCount } from "../ui/format";

function Code({ text }: { text: string | null }) {
  return text ? <code className="text-xs">{text}</code> : null;
}

const asJson = (items: string[] | null) => (items && items.length > 0 ? JSON.stringify(items) : null);

export function ConfigurationCard({ fn }: { fn: FunctionDetail }) {
  const tags = Object.entries(fn.tags);
  return (
    <Card title="Configuration">
      <DefinitionList>
        <Definition label="ARN">
          <Code text={fn.arn} />
        </Definition>
        {fn.image ? (
          <>
            <Definition label="Image URI">
              <Code text={fn.image.uri} />
            </Definition>
            <Definition label="Digest">
              <Code text={fn.image.digest} />
            </Definition>
            <Definition label="Entry point">
              <Code text={asJson(fn.image.entryPoint)} />
            </Definition>
            <Definition label="Command">
              <Code text={asJson(fn.image.command)} />
            </Definition>
            <Definition label="Working dir">
              <Code text={fn.image.workingDirectory} />
            </Definition>
          </>
        ) : (
          <>
            <Definition label="Runtime">{fn.runtime}</Definition>
            <Definition label="Handler">
              <Code text={fn.handler} />
            </Definition>
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
                  <Code text={fs.localMountPath} /> ← <Code text={fs.arn} />
                </div>
              ))
            : "none"}
        </Definition>
        <Definition label="Log group">
          <Code text={fn.logGroup} />
        </Definition>
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
