// A fake OCI distribution registry on loopback, shaped like public.ecr.aws: an anonymous token,
// a paged tag list, multi-architecture image indexes, image manifests and config blobs.
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const TOKEN = "anonymous-token";
const INDEX = "application/vnd.oci.image.index.v1+json";
const MANIFEST = "application/vnd.oci.image.manifest.v1+json";

export interface FakeRelease {
  tag: string;
  created: string;
  /** Layers per OCI architecture (amd64, arm64). */
  layers: Record<string, string[]>;
}

export interface FakeRegistry {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

const sha = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;

export async function startRegistry(
  repository: string,
  releases: FakeRelease[],
  otherTags: string[],
): Promise<FakeRegistry> {
  const documents = new Map<string, { type: string; body: string }>();
  const put = (type: string, body: string) => {
    const digest = sha(body);
    documents.set(digest, { type, body });
    return digest;
  };
  for (const release of releases) {
    const manifests = Object.entries(release.layers).map(([architecture, layers]) => {
      const config = put("application/json", JSON.stringify({ architecture, created: release.created, os: "linux" }));
      const body = JSON.stringify({
        schemaVersion: 2,
        mediaType: MANIFEST,
        config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: config, size: 1 },
        layers: layers.map((digest) => ({ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest, size: 1 })),
      });
      return {
        mediaType: MANIFEST,
        digest: put(MANIFEST, body),
        size: body.length,
        platform: { architecture, os: "linux" },
      };
    });
    const attestation = {
      mediaType: MANIFEST,
      digest: sha(`attestation ${release.tag}`),
      platform: { architecture: "unknown", os: "unknown" },
    };
    const index = JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [...manifests, attestation] });
    documents.set(release.tag, { type: INDEX, body: index });
  }
  const tags = [...otherTags, ...releases.map((release) => release.tag)];

  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://registry");
    requests.push(url.pathname);
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) =>
      response.writeHead(status, { "content-type": type, ...headers }).end(body);
    if (url.pathname === "/token/") return send(200, "application/json", JSON.stringify({ token: TOKEN }));
    if (request.headers.authorization !== `Bearer ${TOKEN}`) return send(401, "application/json", "{}");
    const prefix = `/v2/${repository}/`;
    if (!url.pathname.startsWith(prefix)) return send(404, "application/json", "{}");
    const rest = url.pathname.slice(prefix.length);
    if (rest === "tags/list") {
      // Two tags a page, continued through the Link header as the distribution spec says.
      const start = url.searchParams.has("last") ? tags.indexOf(url.searchParams.get("last")!) + 1 : 0;
      const page = tags.slice(start, start + 2);
      const more = start + 2 < tags.length;
      const link: Record<string, string> = more
        ? { link: `</v2/${repository}/tags/list?n=2&last=${page.at(-1)}>; rel="next"` }
        : {};
      return send(200, "application/json", JSON.stringify({ name: repository, tags: page }), link);
    }
    const document = documents.get(decodeURIComponent(rest.replace(/^(manifests|blobs)\//, "")));
    if (!document) return send(404, "application/json", "{}");
    return send(200, document.type, document.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
