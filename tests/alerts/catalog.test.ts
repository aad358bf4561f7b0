import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { refreshCatalog } from "@/lib/catalog/refresh";
import { db } from "@/lib/db/client";
import { getAlert, listAlerts } from "@/lib/db/queries/alerts";
import { loadCatalog } from "@/lib/db/queries/base-image-releases";
import { digest, NOW, seedAccount, seedFunction, testConfig } from "./support/fleet";
import { type FakeRegistry, startRegistry } from "./support/registry";

const layer = (name: string) => `sha256:${createHash("sha256").update(name).digest("hex")}`;
const release = (tag: string, created: string, n: number) => ({
  tag,
  created,
  layers: {
    amd64: [layer("os-amd64"), layer(`py-amd64-${n}`)],
    arm64: [layer("os-arm64"), layer(`py-arm64-${n}`)],
  },
});

let registry: FakeRegistry;
const galleryConfig = () =>
  testConfig({
    baseImages: { source: "gallery", registryUrl: registry.url, runtimes: ["python3.12"], historyDays: 400 },
  });

describe("base-image catalog from the gallery", () => {
  beforeAll(async () => {
    registry = await startRegistry(
      "lambda/python",
      [
        release("3.12.2024.01.02.10", "2024-01-02T10:05:00Z", 0),
        release("3.12.2026.09.01.10", "2026-09-01T10:05:00Z", 1),
        release("3.12.2026.10.01.10", "2026-10-01T10:05:00Z", 2),
        release("3.12.2026.11.01.10", "2026-11-01T10:05:00Z", 3),
      ],
      ["3.12", "latest", "3.12.2026.11.01.10-arm64", "3.12.2026.11.01.10-x86_64"],
    );
  });

  afterAll(() => registry.close());

  it("never touches the network when off, the default", async () => {
    expect(await refreshCatalog({ config: testConfig() })).toEqual({ source: "off", added: 0, failedRuntimes: [] });
    const off = testConfig({ baseImages: { source: "off", registryUrl: registry.url } });
    expect(await refreshCatalog({ config: off })).toMatchObject({ source: "off", added: 0 });
    expect(registry.requests).toEqual([]);
  });

  it("stores each architecture of each dated release within the history window", async () => {
    expect(await refreshCatalog({ config: galleryConfig() })).toEqual({
      source: "gallery",
      added: 6,
      failedRuntimes: [],
    });
    const catalog = await loadCatalog(db);
    expect(catalog.map((r) => [r.version, r.architecture, r.publishedAt.toISOString()])).toEqual([
      ["3.12.2026.09.01.10-arm64", "arm64", "2026-09-01T10:05:00.000Z"],
      ["3.12.2026.09.01.10-x86_64", "x86_64", "2026-09-01T10:05:00.000Z"],
      ["3.12.2026.10.01.10-arm64", "arm64", "2026-10-01T10:05:00.000Z"],
      ["3.12.2026.10.01.10-x86_64", "x86_64", "2026-10-01T10:05:00.000Z"],
      ["3.12.2026.11.01.10-arm64", "arm64", "2026-11-01T10:05:00.000Z"],
      ["3.12.2026.11.01.10-x86_64", "x86_64", "2026-11-01T10:05:00.000Z"],
    ]);
    expect(catalog[1]).toMatchObject({
      runtime: "python3.12",
      repository: `${new URL(registry.url).host}/lambda/python:3.12`,
      layers: [layer("os-amd64"), layer("py-amd64-1")],
    });
  });

  it("fetches only the tag list once the releases are cached", async () => {
    registry.requests.length = 0;
    expect(await refreshCatalog({ config: galleryConfig() })).toMatchObject({ added: 0 });
    expect(registry.requests.filter((path) => path.includes("/manifests/") || path.includes("/blobs/"))).toEqual([]);
  });

  it("reports a runtime it cannot fetch and keeps going", async () => {
    const config = testConfig({
      baseImages: { source: "gallery", registryUrl: registry.url, runtimes: ["nodejs22.x", "python3.12"] },
    });
    expect(await refreshCatalog({ config })).toEqual({ source: "gallery", added: 0, failedRuntimes: ["nodejs22.x"] });
  });

  it("lets lineage find an image two releases behind, per architecture", async () => {
    await seedAccount(db);
    await seedFunction(db, {
      name: "orders",
      image: { digest: digest(77), layers: [layer("os-amd64"), layer("py-amd64-1"), layer("app")] },
    });
    await evaluateAlerts({ now: NOW, config: galleryConfig() });
    const [summary] = (await listAlerts({ state: "active", rule: "base-image-behind", page: 1, pageSize: 10 })).alerts;
    expect((await getAlert(summary!.id))?.evidence).toMatchObject({
      runtime: "python3.12",
      release: "3.12.2026.09.01.10-x86_64",
      newest: "3.12.2026.11.01.10-x86_64",
      releasesBehind: 2,
      newerAvailableSince: "2026-10-01T10:05:00.000Z",
    });
  });
});
