import {
  GetFunctionCommand,
  type LambdaClient,
  ListAliasesCommand,
  ListVersionsByFunctionCommand,
} from "@aws-sdk/client-lambda";
import { z } from "zod";

const PAGE_SIZE = 50;

export interface PublishedVersion {
  version: string;
  lastModified: Date;
}

const versionsPage = z.object({
  Versions: z.array(z.object({ Version: z.string(), LastModified: z.string() }).passthrough()).default([]),
  NextMarker: z.string().nullish(),
});

/** The function's published versions ($LATEST left out), all pages. */
export async function listVersions(
  lambda: LambdaClient,
  name: string,
  signal?: AbortSignal,
): Promise<PublishedVersion[]> {
  const versions: PublishedVersion[] = [];
  let marker: string | undefined;
  do {
    const page = versionsPage.parse(
      await lambda.send(
        new ListVersionsByFunctionCommand({ FunctionName: name, Marker: marker, MaxItems: PAGE_SIZE }),
        {
          abortSignal: signal,
        },
      ),
    );
    for (const entry of page.Versions) {
      if (entry.Version === "$LATEST") continue;
      versions.push({ version: entry.Version, lastModified: new Date(entry.LastModified) });
    }
    marker = page.NextMarker ?? undefined;
  } while (marker);
  return versions;
}

export interface AliasRouting {
  name: string;
  functionVersion: string;
  /** Lambda routes to at most one additional version. */
  additional: { version: string; weight: number } | null;
}

const aliasesPage = z.object({
  Aliases: z
    .array(
      z.object({
        Name: z.string(),
        FunctionVersion: z.string(),
        RoutingConfig: z.object({ AdditionalVersionWeights: z.record(z.string(), z.number()).nullish() }).nullish(),
      }),
    )
    .default([]),
  NextMarker: z.string().nullish(),
});

/** The function's aliases with their weighted routing, all pages. */
export async function listAliases(lambda: LambdaClient, name: string, signal?: AbortSignal): Promise<AliasRouting[]> {
  const aliases: AliasRouting[] = [];
  let marker: string | undefined;
  do {
    const page = aliasesPage.parse(
      await lambda.send(new ListAliasesCommand({ FunctionName: name, Marker: marker, MaxItems: PAGE_SIZE }), {
        abortSignal: signal,
      }),
    );
    for (const alias of page.Aliases) {
      const [additional] = Object.entries(alias.RoutingConfig?.AdditionalVersionWeights ?? {});
      aliases.push({
        name: alias.Name,
        functionVersion: alias.FunctionVersion,
        additional: additional ? { version: additional[0], weight: additional[1] } : null,
      });
    }
    marker = page.NextMarker ?? undefined;
  } while (marker);
  return aliases;
}

const qualifiedCode = z.object({ Code: z.object({ ResolvedImageUri: z.string().optional() }).optional() });

/** The digest a version pins (`Code.ResolvedImageUri`); null for zip code. */
export async function getVersionImage(
  lambda: LambdaClient,
  name: string,
  version: string,
  signal?: AbortSignal,
): Promise<string | null> {
  const answer = qualifiedCode.parse(
    await lambda.send(new GetFunctionCommand({ FunctionName: name, Qualifier: version }), { abortSignal: signal }),
  );
  return answer.Code?.ResolvedImageUri ?? null;
}
