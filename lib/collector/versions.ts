import type { LambdaClient } from "@aws-sdk/client-lambda";
import pLimit from "p-limit";
import { parseEcrImageUri, repositoryUri } from "@/lib/analysis/image-uri";
import { DAY_MS } from "@/lib/analysis/time";
import { getVersionImage, listAliases, listVersions } from "@/lib/aws/lambda-versions";
import type { StoredFunction } from "@/lib/db/queries/stored-functions";
import type { FunctionVersionsWrite, VersionRow } from "@/lib/db/writes/versions";
import type { PollErrors } from "./poll-errors";

/** Functions read at once; the control-plane token bucket (15 req/s) sets the actual rate. */
const CONCURRENCY = 4;
/** Aliases can be re-pointed without touching the function: re-read at least this often. */
export const VERSIONS_RECHECK_MS = DAY_MS;

/**
 * Image functions whose versions and aliases are due: on first sight, after a configuration or
 * digest change, and daily. Everything else costs nothing.
 */
export function versionsDue(
  current: readonly StoredFunction[],
  changed: ReadonlySet<string>,
  now: Date,
): StoredFunction[] {
  return current.filter(
    (row) =>
      row.packageType === "Image" &&
      (row.versionsCheckedAt === null ||
        changed.has(row.name) ||
        now.getTime() - row.versionsCheckedAt.getTime() >= VERSIONS_RECHECK_MS),
  );
}

/**
 * Lists versions and aliases of each function; a new version's digest comes from one GetFunction
 * with its qualifier (versions never change, so known ones cost nothing). A failure skips that
 * function only, keeping what we stored.
 */
export async function collectVersions(
  lambda: LambdaClient,
  due: readonly StoredFunction[],
  known: ReadonlyMap<string, readonly VersionRow[]>,
  now: Date,
  errors: PollErrors,
  signal?: AbortSignal,
): Promise<FunctionVersionsWrite[]> {
  const limit = pLimit(CONCURRENCY);
  const writes: FunctionVersionsWrite[] = [];
  await Promise.all(
    due.map((row) =>
      limit(async () => {
        let api = "lambda:ListVersionsByFunction";
        try {
          const listed = await listVersions(lambda, row.name, signal);
          const stored = new Map((known.get(row.id) ?? []).map((version) => [version.version, version]));
          const versions: VersionRow[] = [];
          for (const entry of listed) {
            const existing = stored.get(entry.version);
            if (existing) {
              versions.push(existing);
              continue;
            }
            api = "lambda:GetFunction";
            const resolved = await getVersionImage(lambda, row.name, entry.version, signal);
            const ref = resolved ? parseEcrImageUri(resolved) : null;
            versions.push({
              functionId: row.id,
              version: entry.version,
              imageDigest: ref?.digest ?? null,
              imageRepository: ref ? repositoryUri(ref) : null,
              lastModified: entry.lastModified,
            });
          }
          api = "lambda:ListAliases";
          const aliases = (await listAliases(lambda, row.name, signal)).map((alias) => ({
            functionId: row.id,
            name: alias.name,
            functionVersion: alias.functionVersion,
            additionalVersion: alias.additional?.version ?? null,
            additionalWeight: alias.additional?.weight ?? null,
          }));
          writes.push({ functionId: row.id, versions, aliases, checkedAt: now });
        } catch (error) {
          if (signal?.aborted) throw error;
          errors.record(api, error, row.name);
        }
      }),
    ),
  );
  return writes;
}
