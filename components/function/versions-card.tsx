import type { VersionsDto } from "@/lib/contracts/image-safety";
import { Card } from "../ui/card";
import { formatDateTime, shortDigest } from "../ui/format";
import { LifecycleVerdict } from "./image-safety";

const percent = (weight: number) => `${Math.round(weight * 1000) / 10} %`;

/** Aliases → versions → digests, and which digests a lifecycle rule, a deletion or a lapsed scan puts at risk. */
export function VersionsCard({ versions }: { versions: VersionsDto }) {
  const routedBy = new Map<string, string[]>();
  for (const alias of versions.aliases) {
    for (const route of alias.routes) {
      routedBy.set(route.version, [...(routedBy.get(route.version) ?? []), `${alias.name} ${percent(route.weight)}`]);
    }
  }
  return (
    <Card title="Versions and aliases" className="lg:col-span-2 xl:col-span-3">
      {versions.checkedAt === null ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Not read yet.</p>
      ) : versions.versions.length === 0 && versions.aliases.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          No published versions or aliases (as of {formatDateTime(versions.checkedAt)}).
        </p>
      ) : (
        <div className="space-y-3">
          {versions.aliases.length > 0 ? (
            <ul className="text-sm" aria-label="Aliases">
              {versions.aliases.map((alias) => (
                <li key={alias.name}>
                  <span className="font-medium">{alias.name}</span> →{" "}
                  {alias.routes.map((route) => `version ${route.version} (${percent(route.weight)})`).join(", ")}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" aria-label="Versions">
              <thead className="text-xs text-zinc-500 dark:text-zinc-400">
                <tr>
                  <th className="py-1 pr-3 font-medium">Version</th>
                  <th className="py-1 pr-3 font-medium">Aliases</th>
                  <th className="py-1 pr-3 font-medium">Published</th>
                  <th className="py-1 pr-3 font-medium">Digest</th>
                  <th className="py-1 font-medium">Risk</th>
                </tr>
              </thead>
              <tbody>
                {versions.versions.map((version) => (
                  <tr key={version.version} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                    <td className="py-1 pr-3 tabular-nums">{version.version}</td>
                    <td className="py-1 pr-3">{routedBy.get(version.version)?.join(", ") ?? "—"}</td>
                    <td className="py-1 pr-3 whitespace-nowrap">{formatDateTime(version.lastModified)}</td>
                    <td className="py-1 pr-3">
                      <code className="text-xs" title={version.image?.digest}>
                        {shortDigest(version.image?.digest)}
                      </code>
                    </td>
                    <td className="py-1">
                      <VersionRisk image={version.image} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            As of {formatDateTime(versions.checkedAt)}; re-read daily and after every change.
          </p>
        </div>
      )}
    </Card>
  );
}

function VersionRisk({ image }: { image: VersionsDto["versions"][number]["image"] }) {
  if (!image) return <>not an ECR image</>;
  if (!image.described) return <>not described yet</>;
  if (image.missingAt) {
    return (
      <span role="alert" className="font-medium text-red-700 dark:text-red-400">
        deleted from ECR (since {formatDateTime(image.missingAt)}): invocations through it fail
      </span>
    );
  }
  return (
    <span className="block space-y-0.5">
      <LifecycleVerdict lifecycle={image.lifecycle} />
      {image.scanLapse ? (
        <span className="block text-amber-700 dark:text-amber-400">scanning lapsed: {image.scanLapse}</span>
      ) : null}
    </span>
  );
}
