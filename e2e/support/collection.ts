import { type APIRequestContext, expect } from "@playwright/test";

/** The demo fleet fills the database in the background: specs start once the first collection finished. */
export async function waitForFirstCollection(request: APIRequestContext): Promise<void> {
  await expect
    .poll(async () => (await (await request.get("/api/health")).json()).lastCollectionAt, {
      message: "waiting for the first collection (GET /api/health → lastCollectionAt)",
      timeout: 120_000,
      intervals: [1000, 2000, 5000],
    })
    .not.toBeNull();
}
