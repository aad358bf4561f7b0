import { type APIRequestContext, expect } from "@playwright/test";

/**
 * GET a JSON endpoint for polling. One connection per request: a poll waiting about as long as the
 * server's keep-alive would otherwise land on a socket the server is closing (ECONNRESET).
 */
export async function pollJson<T>(request: APIRequestContext, path: string): Promise<T> {
  return (await request.get(path, { headers: { Connection: "close" } })).json() as Promise<T>;
}

/** The demo fleet fills the database in the background: specs start once the first collection finished. */
export async function waitForFirstCollection(request: APIRequestContext): Promise<void> {
  await expect
    .poll(async () => (await pollJson<{ lastCollectionAt: string | null }>(request, "/api/health")).lastCollectionAt, {
      message: "waiting for the first collection (GET /api/health → lastCollectionAt)",
      timeout: 120_000,
      intervals: [1000, 2000, 5000],
    })
    .not.toBeNull();
}
