// A client for the OCI distribution API of a public registry (public.ecr.aws by default): anonymous
// token, tag list, manifests (image indexes per architecture) and the config blob's creation date.
import { z } from "zod";
import { parseManifest } from "@/lib/aws/ecr-manifest";

const MANIFEST_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json",
].join(", ");

/** OCI platforms say amd64, Lambda says x86_64. Other entries of an index (attestations) are skipped. */
const LAMBDA_ARCHITECTURE: Record<string, string> = { amd64: "x86_64", arm64: "arm64" };
const MAX_TAG_PAGES = 100;

const tokenAnswer = z.object({ token: z.string().min(1) });
const tagsAnswer = z.object({ tags: z.array(z.string()).nullable().default([]) });
const configDescriptor = z.object({ config: z.object({ digest: z.string() }) });
const configBlob = z.object({
  created: z.iso.datetime({ offset: true }).optional(),
  architecture: z.string().optional(),
});

export class GalleryError extends Error {
  override name = "GalleryError";
}

/** One architecture of a published base image. */
export interface GalleryManifest {
  architecture: string | null;
  layers: string[];
  /** From the config blob; null when the registry did not say. */
  created: Date | null;
}

export interface GalleryClient {
  tags(repository: string): Promise<string[]>;
  manifests(repository: string, tag: string): Promise<GalleryManifest[]>;
}

export function createGalleryClient(options: {
  registryUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): GalleryClient {
  const base = options.registryUrl.replace(/\/+$/, "");
  const fetcher = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const tokens = new Map<string, Promise<string>>();

  const get = async (url: string, headers: Record<string, string> = {}): Promise<Response> => {
    const response = await fetcher(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new GalleryError(`${new URL(url).pathname} answered HTTP ${response.status}`);
    return response;
  };

  const token = (repository: string): Promise<string> => {
    let pending = tokens.get(repository);
    if (!pending) {
      const scope = encodeURIComponent(`repository:${repository}:pull`);
      pending = get(`${base}/token/?scope=${scope}`).then(async (r) => tokenAnswer.parse(await r.json()).token);
      pending.catch(() => tokens.delete(repository));
      tokens.set(repository, pending);
    }
    return pending;
  };

  const authorized = async (repository: string, path: string, accept?: string): Promise<Response> => {
    const headers: Record<string, string> = { authorization: `Bearer ${await token(repository)}` };
    if (accept) headers.accept = accept;
    return get(`${base}/v2/${repository}/${path}`, headers);
  };

  const manifest = async (repository: string, reference: string) =>
    (await authorized(repository, `manifests/${reference}`, MANIFEST_TYPES)).text();

  const imageManifest = async (repository: string, text: string, architecture: string | null) => {
    const parsed = parseManifest(text);
    if (parsed.kind !== "image") throw new GalleryError(`${repository}: an index inside an index`);
    const { config } = configDescriptor.parse(JSON.parse(text));
    const blob = configBlob.parse(await (await authorized(repository, `blobs/${config.digest}`)).json());
    return {
      architecture: architecture ?? (blob.architecture ? (LAMBDA_ARCHITECTURE[blob.architecture] ?? null) : null),
      layers: parsed.layers,
      created: blob.created ? new Date(blob.created) : null,
    };
  };

  return {
    async tags(repository) {
      const tags: string[] = [];
      let path: string | null = "tags/list?n=1000";
      for (let page = 0; path !== null && page < MAX_TAG_PAGES; page++) {
        const response = await authorized(repository, path);
        tags.push(...(tagsAnswer.parse(await response.json()).tags ?? []));
        path = nextTagsPath(response.headers.get("link"), repository);
      }
      return tags;
    },

    async manifests(repository, tag) {
      const text = await manifest(repository, tag);
      const parsed = parseManifest(text);
      if (parsed.kind === "image") return [await imageManifest(repository, text, null)];
      const wanted = parsed.manifests.flatMap((entry) => {
        const architecture = LAMBDA_ARCHITECTURE[entry.platform?.architecture ?? ""];
        return architecture ? [{ digest: entry.digest, architecture }] : [];
      });
      return Promise.all(
        wanted.map(async (entry) =>
          imageManifest(repository, await manifest(repository, entry.digest), entry.architecture),
        ),
      );
    },
  };
}

/** The next page of a tag list from its `Link: </v2/<repo>/tags/list?last=…>; rel="next"` header. */
export function nextTagsPath(link: string | null, repository: string): string | null {
  const target = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1] : undefined;
  if (!target) return null;
  const url = new URL(target, "http://registry.invalid");
  const prefix = `/v2/${repository}/`;
  return url.pathname.startsWith(prefix) ? `${url.pathname.slice(prefix.length)}${url.search}` : null;
}
