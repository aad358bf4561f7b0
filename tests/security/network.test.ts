// proxy.ts against forged headers: the rate limit follows the socket peer (or, behind a trusted
// proxy, the address that proxy saw), and a page reached under a foreign host name (DNS
// rebinding) is refused.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/security/client-address";

let proxy: (request: NextRequest) => Promise<Response>;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-network-"));
  const file = path.join(dir, "imagefleet.config.json");
  fs.writeFileSync(
    file,
    JSON.stringify({
      server: { trustedProxies: ["10.0.0.0/8"] },
      alerts: { publicBaseUrl: "https://fleet.example.com" },
    }),
  );
  process.env.IMAGEFLEET_CONFIG = file;
  process.env.API_RATE_LIMIT_PER_MINUTE = "2";
  ({ proxy } = await import("@/proxy"));
});

function request(pathname: string, headers: Record<string, string>) {
  return new NextRequest(new URL(pathname, "http://127.0.0.1:3000"), {
    headers: { host: "127.0.0.1:3000", ...headers },
  });
}

const statuses = async (requests: NextRequest[]) => {
  const answers: number[] = [];
  for (const r of requests) answers.push((await proxy(r)).status);
  return answers;
};

describe("the API rate limit", () => {
  it("cannot be escaped by rotating X-Forwarded-For from an untrusted peer", async () => {
    const forged = [1, 2, 3, 4].map((i) =>
      request("/api/fleet/summary", { [PEER_ADDRESS_HEADER]: "203.0.113.5", "x-forwarded-for": `198.51.100.${i}` }),
    );
    expect(await statuses(forged)).toEqual([200, 200, 429, 429]);
  });

  it("believes no X-Forwarded-For when the server recorded no peer", async () => {
    // Without the server's record nothing tells a proxy from a client: all share one bucket.
    const anonymous = [1, 2, 3].map((i) => request("/api/fleet/summary", { "x-forwarded-for": `192.0.2.${i}` }));
    expect((await statuses(anonymous)).at(-1)).toBe(429);
  });

  it("behind a trusted proxy, counts each client the proxy saw, not the proxy", async () => {
    const via = (client: string) =>
      request("/api/fleet/summary", { [PEER_ADDRESS_HEADER]: "10.0.0.7", "x-forwarded-for": `6.6.6.6, ${client}` });
    expect(await statuses([via("198.51.100.20"), via("198.51.100.20"), via("198.51.100.21")])).toEqual([200, 200, 200]);
    expect(await statuses([via("198.51.100.20")])).toEqual([429]);
  });
});

describe("a parameter named __proto__", () => {
  it("answers 400 before routing, where Next.js would drop it unseen", async () => {
    const answer = await proxy(request("/api/accounts?__proto__=x", { [PEER_ADDRESS_HEADER]: "10.3.3.3" }));
    expect(answer.status).toBe(400);
    expect((await answer.json()).error.message).toContain("__proto__");
  });
});

describe("the Host check", () => {
  const page = (headers: Record<string, string>) => request("/functions", headers);

  it("refuses a host name that is neither loopback, an address nor the configured public one", async () => {
    const rebound = await proxy(page({ host: "attacker.example:3000", [PEER_ADDRESS_HEADER]: "127.0.0.1" }));
    expect(rebound.status).toBe(403);
    expect(await rebound.text()).toContain("attacker.example");
    const api = await proxy(request("/api/alerts", { host: "attacker.example", [PEER_ADDRESS_HEADER]: "127.0.0.2" }));
    expect(api.status).toBe(403);
    expect((await api.json()).error.code).toBe("forbidden");
  });

  it("serves loopback names, bare addresses and the configured public host", async () => {
    for (const host of ["127.0.0.1:3000", "localhost:3000", "[::1]:3000", "192.0.2.10", "fleet.example.com"]) {
      expect((await proxy(page({ host, [PEER_ADDRESS_HEADER]: "127.0.0.1" }))).status).toBe(200);
    }
  });

  it("believes X-Forwarded-Host from trusted proxies only", async () => {
    const forwarded = { host: "internal-lb:3000", "x-forwarded-host": "fleet.example.com" };
    expect((await proxy(page({ ...forwarded, [PEER_ADDRESS_HEADER]: "10.1.1.1" }))).status).toBe(200);
    expect((await proxy(page({ ...forwarded, [PEER_ADDRESS_HEADER]: "203.0.113.9" }))).status).toBe(403);
    const spoofed = { host: "attacker.example", "x-forwarded-host": "127.0.0.1" };
    expect((await proxy(page({ ...spoofed, [PEER_ADDRESS_HEADER]: "127.0.0.1" }))).status).toBe(403);
  });

  it("leaves the health check open to any name", async () => {
    expect(
      (await proxy(request("/api/health", { host: "lb-probe.internal", [PEER_ADDRESS_HEADER]: "10.2.2.2" }))).status,
    ).toBe(200);
  });
});
