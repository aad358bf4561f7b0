// ImageFleet's side of the sign-in tests: a test provider, a configuration file pointing at it
// (IMAGEFLEET_CONFIG, read once per test file), and requests to the real route handlers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll } from "vitest";
import { authConfigFor, startTestProvider, type TestProvider } from "./test-provider";

/** Nothing listens here: the tests call the route handlers directly with requests for this origin. */
export const RP_ORIGIN = "http://127.0.0.1:3999";

export function withTestProvider(): { provider: () => TestProvider } {
  let provider: TestProvider | undefined;
  beforeAll(async () => {
    provider = await startTestProvider({ clientOrigins: [RP_ORIGIN] });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-auth-")), "imagefleet.config.json");
    fs.writeFileSync(file, JSON.stringify({ auth: authConfigFor(provider.issuer) }));
    process.env.IMAGEFLEET_CONFIG = file;
  });
  afterAll(() => provider?.close());
  return { provider: () => provider! };
}

export function rpRequest(
  pathAndQuery: string,
  init: { method?: string; cookies?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const cookie = Object.entries(init.cookies ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  return new NextRequest(new URL(pathAndQuery, RP_ORIGIN), {
    method: init.method ?? "GET",
    headers: { host: new URL(RP_ORIGIN).host, ...(cookie && { cookie }), ...init.headers },
  });
}

/** name → { value, attributes } of the Set-Cookie headers of a response. */
export function setCookies(response: Response): Map<string, { value: string; attributes: string }> {
  return new Map(
    response.headers.getSetCookie().map((header) => {
      const [pair, ...attributes] = header.split(";");
      const [name, value] = pair!.split(/=(.*)/s);
      return [name!, { value: value ?? "", attributes: attributes.join(";").toLowerCase() }];
    }),
  );
}
