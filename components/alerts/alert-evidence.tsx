import type { EvidenceValue } from "@/lib/analysis/rules/finding";
import { Definition, DefinitionList } from "../ui/definition-list";

/** "releasesBehind" → "releases behind". */
function label(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

function show(value: EvidenceValue): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

export function AlertEvidence({ evidence }: { evidence: Record<string, EvidenceValue> }) {
  return (
    <DefinitionList>
      {Object.entries(evidence).map(([key, value]) => (
        <Definition key={key} label={label(key)}>
          <span className="font-mono text-xs">{show(value)}</span>
        </Definition>
      ))}
    </DefinitionList>
  );
}
