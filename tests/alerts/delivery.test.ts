// Notification delivery is its own loop: a channel that never answers or keeps failing delays
// neither collection nor the other channels, and shutdown leaves unsent rows in the outbox.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverDueNotifications } from "@/lib/alerts/notify/deliver";
import { startDeliveryLoop } from "@/lib/alerts/notify/delivery-loop";
import { db } from "@/lib/db/client";
import { afterCollection } from "@/lib/server/after-collection";
import { later, NOW, seedAccount, seedFunction, testConfig } from "./support/fleet";
import { type Receiver, startReceiver } from "./support/receiver";

/** A webhook that takes every request and never answers. */
async function startHangingReceiver() {
  const open = new Set<ServerResponse>();
  let requests = 0;
  let onRequest = () => {};
  const firstRequest = new Promise<void>((resolve) => {
    onRequest = resolve;
  });
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    requests++;
    open.add(response);
    request.resume();
    onRequest();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    firstRequest,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Hanging = Awaited<ReturnType<typeof startHangingReceiver>>;

/** Webhook channels, as the configuration would hold them. */
const webhooks = (urls: Record<string, string>) =>
  testConfig({
    alerts: { channels: Object.entries(urls).map(([name, url]) => ({ name, type: "webhook", url })) },
  }).alerts.channels;

async function queue(channel: string, count: number, at: Date, firstId = 0): Promise<void> {
  await db.notification.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      dedupeKey: `${channel}:test:${firstId + i}`,
      channel,
      event: "open",
      payload: JSON.stringify({ n: firstId + i }),
      status: "pending",
      nextAttemptAt: at,
      createdAt: at,
    })),
  });
}

let healthy: Receiver;
let hanging: Hanging;

beforeAll(async () => {
  await seedAccount(db);
  await seedFunction(db, { name: "orders", state: "Failed", stateReasonCode: "ImageDeleted" });
});
beforeEach(async () => {
  healthy = await startReceiver();
  hanging = await startHangingReceiver();
});
afterEach(async () => {
  await Promise.all([healthy.close(), hanging.close()]);
  await db.notification.deleteMany();
});
afterAll(() => db.notification.deleteMany());

describe("notification delivery", () => {
  it("never holds up the collector: alerting after a cycle only queues", async () => {
    const config = testConfig({ alerts: { channels: [{ name: "silent", type: "webhook", url: hanging.url }] } });
    const outcome = await Promise.race([
      afterCollection(NOW, config).then(() => "collection went on"),
      hanging.firstRequest.then(() => "collection waited for the webhook"),
    ]);
    expect(outcome).toBe("collection went on");
    expect(await db.notification.findMany({ select: { channel: true, status: true, attempts: true } })).toEqual([
      { channel: "silent", status: "pending", attempts: 0 },
    ]);
  });

  it("gives every channel its turn: a failing channel's backlog does not starve a healthy one", async () => {
    const failing = await startReceiver();
    try {
      failing.failNext(...Array.from({ length: 300 }, () => 500));
      const channels = webhooks({ failing: `${failing.url}/hook`, healthy: `${healthy.url}/hook` });
      // The failing channel's rows come first by id, more than any one batch.
      await queue("failing", 250, NOW);
      await queue("healthy", 3, NOW);
      const delivery = await deliverDueNotifications({ channels, now: NOW });
      expect(healthy.received).toHaveLength(3);
      expect(delivery).toEqual({ sent: 3, retrying: 250, failed: 0 });
    } finally {
      await failing.close();
    }
  });

  it("times out a request that never answers and retries it later", async () => {
    const channels = webhooks({ silent: hanging.url });
    await queue("silent", 1, NOW);
    expect(await deliverDueNotifications({ channels, now: NOW, timeoutMs: 50 })).toEqual({
      sent: 0,
      retrying: 1,
      failed: 0,
    });
    expect(await db.notification.findFirstOrThrow()).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "TimeoutError",
      nextAttemptAt: later(30_000),
    });
  });

  it("delivers in its own loop, and on stop leaves what it could not send in the outbox", async () => {
    const channels = webhooks({ silent: hanging.url, healthy: `${healthy.url}/hook` });
    await queue("silent", 20, NOW);
    await queue("healthy", 5, NOW, 100);
    const loop = startDeliveryLoop({ channels, clock: () => NOW, pollMs: 20, drainMs: 50, timeoutMs: 600_000 });
    await expect.poll(() => healthy.received.length, { timeout: 30_000 }).toBe(5);
    await hanging.firstRequest;
    // More healthy notifications while the silent channel still holds its requests open.
    await queue("healthy", 2, NOW, 200);
    await expect.poll(() => healthy.received.length, { timeout: 30_000 }).toBe(7);

    await loop.stop();
    const silent = await db.notification.findMany({ where: { channel: "silent" } });
    expect(silent).toHaveLength(20);
    for (const row of silent) expect(row).toMatchObject({ status: "pending", attempts: 0, nextAttemptAt: NOW });
    // Per-channel concurrency: the silent channel never held more than its own few slots.
    expect(hanging.requests()).toBeLessThanOrEqual(2);
    expect(await db.notification.count({ where: { channel: "healthy", status: "sent" } })).toBe(7);
  });
});
