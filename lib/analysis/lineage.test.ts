import { describe, expect, it } from "vitest";
import { type BaseImageRelease, matchBaseImage } from "./lineage";

const release = (
  runtime: string,
  version: string,
  publishedAt: string,
  layers: string[],
  architecture?: string,
): BaseImageRelease => ({
  runtime,
  repository: `public.ecr.aws/lambda/${runtime}`,
  version,
  publishedAt: new Date(publishedAt),
  layers,
  ...(architecture === undefined ? {} : { architecture }),
});

// python and provided share the OS layer "os1"; each python release adds its own layers.
const py1 = release("python3.12", "v1", "2026-09-01T00:00:00Z", ["os1", "py-a", "py-b1"]);
const py2 = release("python3.12", "v2", "2026-10-01T00:00:00Z", ["os1", "py-a", "py-b2"]);
const py3 = release("python3.12", "v3", "2026-11-01T00:00:00Z", ["os2", "py-a", "py-b3"]);
const al = release("provided.al2023", "al-1", "2026-08-01T00:00:00Z", ["os1"]);
const catalog = [py3, al, py1, py2];

describe("matchBaseImage", () => {
  it("matches the newest release: nothing behind", () => {
    expect(matchBaseImage(["os2", "py-a", "py-b3", "app"], catalog)).toEqual({
      kind: "matched",
      runtime: "python3.12",
      release: py3,
      newest: py3,
      releasesBehind: 0,
      newerAvailableSince: null,
    });
  });

  it("matches one behind, with the date the next release appeared", () => {
    expect(matchBaseImage(["os1", "py-a", "py-b2", "app"], catalog)).toMatchObject({
      release: py2,
      newest: py3,
      releasesBehind: 1,
      newerAvailableSince: py3.publishedAt,
    });
  });

  it("matches several behind, counting only the same runtime", () => {
    expect(matchBaseImage(["os1", "py-a", "py-b1", "app", "app2"], catalog)).toMatchObject({
      runtime: "python3.12",
      release: py1,
      releasesBehind: 2,
      newerAvailableSince: py2.publishedAt,
    });
  });

  it("prefers the longest full match over a shared OS layer", () => {
    expect(matchBaseImage(["os1", "app"], catalog)).toMatchObject({ runtime: "provided.al2023", release: al });
    expect(matchBaseImage(["os1", "py-a", "py-b2"], catalog)).toMatchObject({ runtime: "python3.12", release: py2 });
  });

  it("requires every layer of the release, in order", () => {
    expect(matchBaseImage(["os9", "py-a", "py-b3"], [py3])).toEqual({ kind: "unknown" });
    expect(matchBaseImage(["py-a", "os2", "py-b3"], [py3])).toEqual({ kind: "unknown" });
    expect(matchBaseImage(["os2", "py-a"], [py3])).toEqual({ kind: "unknown" });
  });

  it("is unknown for an image not built on any catalogued release", () => {
    expect(matchBaseImage(["debian", "app"], catalog)).toEqual({ kind: "unknown" });
    expect(matchBaseImage([], catalog)).toEqual({ kind: "unknown" });
    expect(matchBaseImage(["os1"], [])).toEqual({ kind: "unknown" });
  });

  it("ignores releases without layers", () => {
    expect(matchBaseImage(["x"], [release("python3.12", "empty", "2026-01-01T00:00:00Z", [])])).toEqual({
      kind: "unknown",
    });
  });

  it("treats identical re-published layers as the newest of them", () => {
    const republished = release("python3.12", "v3-again", "2026-11-15T00:00:00Z", ["os2", "py-a", "py-b3"]);
    expect(matchBaseImage(["os2", "py-a", "py-b3"], [...catalog, republished])).toMatchObject({
      release: republished,
      releasesBehind: 0,
    });
  });

  it("reports an equally long match in two runtimes as unknown", () => {
    const twin = release("python3.13", "t1", "2026-10-01T00:00:00Z", ["os1", "py-a", "py-b2"]);
    expect(matchBaseImage(["os1", "py-a", "py-b2"], [...catalog, twin])).toEqual({ kind: "unknown" });
  });

  it("counts releases behind per architecture", () => {
    const x1 = release("nodejs20.x", "1", "2026-01-01T00:00:00Z", ["x-os", "n1"], "x86_64");
    const x2 = release("nodejs20.x", "2", "2026-02-01T00:00:00Z", ["x-os", "n2"], "x86_64");
    const a1 = release("nodejs20.x", "1", "2026-01-01T00:00:00Z", ["a-os", "n1"], "arm64");
    const a2 = release("nodejs20.x", "2", "2026-02-01T00:00:00Z", ["a-os", "n2"], "arm64");
    const a3 = release("nodejs20.x", "3", "2026-03-01T00:00:00Z", ["a-os", "n3"], "arm64");
    const armCatalog = [x1, x2, a1, a2, a3];
    expect(matchBaseImage(["x-os", "n1", "app"], armCatalog)).toMatchObject({ releasesBehind: 1, newest: x2 });
    expect(matchBaseImage(["a-os", "n1", "app"], armCatalog)).toMatchObject({ releasesBehind: 2, newest: a3 });
  });

  it("orders releases published at the same moment by version", () => {
    const b = release("ruby3.3", "b", "2026-05-01T00:00:00Z", ["r", "b"]);
    const a = release("ruby3.3", "a", "2026-05-01T00:00:00Z", ["r", "a"]);
    expect(matchBaseImage(["r", "a"], [b, a])).toMatchObject({ releasesBehind: 1, newest: b });
  });
});
