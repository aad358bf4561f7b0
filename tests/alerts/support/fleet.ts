// A few functions written straight through Prisma, as the collector would leave them.
import { DAY_MS } from "@/lib/analysis/time";
import { configSchema, type ImageFleetConfig } from "@/lib/config/schema";
import type { Db } from "@/lib/db/client";

export const ACCOUNT = "111122223333";
export const REGION = "eu-west-1";
export const NOW = new Date("2026-12-01T12:00:00.000Z");

export const daysBefore = (days: number, from = NOW) => new Date(from.getTime() - days * DAY_MS);
export const later = (ms: number, from = NOW) => new Date(from.getTime() + ms);

export function testConfig(input: Record<string, unknown> = {}): ImageFleetConfig {
  return configSchema.parse(input);
}

export interface SeedFunction {
  name: string;
  team?: string | null;
  state?: string;
  stateReasonCode?: string | null;
  lastInvokedAt?: Date | null;
  image?: { digest: string; layers?: string[]; pushedAt?: Date; tags?: string[] };
}

export const functionId = (name: string) => `${ACCOUNT}:${REGION}:${name}`;

export async function seedAccount(db: Db): Promise<void> {
  await db.account.upsert({
    where: { id: ACCOUNT },
    create: { id: ACCOUNT, name: "payments-prod", source: "config" },
    update: {},
  });
}

export async function seedFunction(db: Db, fn: SeedFunction): Promise<void> {
  const registry = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com`;
  const repository = `${registry}/${fn.name}`;
  await db.function.create({
    data: {
      id: functionId(fn.name),
      accountId: ACCOUNT,
      region: REGION,
      name: fn.name,
      arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${fn.name}`,
      packageType: "Image",
      imageUri: `${repository}:v1`,
      imageDigest: fn.image?.digest ?? null,
      imageRepository: repository,
      codeSha256: "c0de",
      lastModified: daysBefore(30),
      architecture: "x86_64",
      memoryMb: 1024,
      timeoutSec: 30,
      ephemeralMb: 512,
      logGroup: `/aws/lambda/${fn.name}`,
      team: fn.team === undefined ? "payments" : fn.team,
      state: fn.state ?? "Active",
      stateReasonCode: fn.stateReasonCode ?? null,
      lastUpdateStatus: "Successful",
      stateReadAt: NOW,
      firstSeenAt: daysBefore(200),
      lastSeenAt: NOW,
      lastInvokedAt: fn.lastInvokedAt === undefined ? daysBefore(0.1) : fn.lastInvokedAt,
    },
  });
  if (fn.image) {
    await db.image.create({
      data: {
        id: `${ACCOUNT}/${fn.name}@${fn.image.digest}`,
        registryId: ACCOUNT,
        repository: fn.name,
        digest: fn.image.digest,
        tags: JSON.stringify(fn.image.tags ?? ["v1"]),
        pushedAt: fn.image.pushedAt ?? daysBefore(5),
        sizeBytes: 300 * 1024 ** 2,
        manifestLayers: JSON.stringify(fn.image.layers ?? []),
        scanStatus: "COMPLETE",
        checkedAt: NOW,
      },
    });
  }
}

export function updateFunction(
  db: Db,
  name: string,
  data: { state?: string; stateReasonCode?: string | null; lastInvokedAt?: Date | null },
) {
  return db.function.update({ where: { id: functionId(name) }, data });
}

export const digest = (n: number) => `sha256:${n.toString(16).padStart(64, "0")}`;
