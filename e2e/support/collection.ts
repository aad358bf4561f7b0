import { type APIRequestContext, expect, test } from "@playwright/test";

/**
 * GET a JSON endpoint for polling. One connection per request: a poll waiting about as long as the
 * server's keep-alive would otherwise land on a socket the server is closing (ECONNRESET).
 */
export async function pollJson<T>(request: APIRequestContext, path: string): Promise<T> {
  return (await request.get(path, { headers: { Connection: "close" } })).json() as Promise<T>;
}

const FIRST_COLLECTION_TIMEOUT_MS = 180_000;

interface AccountRegions {
  assumeError: string | null;
  regions: { lastPoll: { finishedAt: string | null } | null }[];
}

/**
 * The demo fleet fills the database in the background: specs start once the first cycle has
 * finished in every account × region that can be read. (The first finished poll is not enough: an
 * empty region finishes first, and on a loaded machine the pages would still be empty.)
 */
export async function waitForFirstCollection(request: APIRequestContext): Promise<void> {
  // The wait is not the test: on a loaded machine the first cycle alone can outlast a test's budget.
  test.info().setTimeout(test.info().timeout + FIRST_COLLECTION_TIMEOUT_MS);
  await expect
    .poll(
      async () => {
        const accounts = await pollJson<AccountRegions[]>(request, "/api/accounts");
        const readable = accounts.filter((account) => account.assumeError === null);
        const polls = readable.flatMap((account) => account.regions.map((region) => region.lastPoll?.finishedAt));
        return polls.length > 0 && polls.every(Boolean);
      },
      {
        message: "waiting for the first collection in every readable account × region (GET /api/accounts)",
        timeout: FIRST_COLLECTION_TIMEOUT_MS,
        intervals: [1000, 2000, 5000],
      },
    )
    .toBe(true);
}
