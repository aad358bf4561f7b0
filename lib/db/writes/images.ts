import type { Image as ImageRow } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { chunks, type Tx } from "./transaction";

export type { ImageRow };

export function imageId(registryId: string, repository: string, digest: string): string {
  return `${registryId}/${repository}@${digest}`;
}

export async function loadImages(db: Db, ids: readonly string[]): Promise<Map<string, ImageRow>> {
  const images = new Map<string, ImageRow>();
  for (const part of chunks(ids)) {
    for (const image of await db.image.findMany({ where: { id: { in: part } } })) images.set(image.id, image);
  }
  return images;
}

export async function upsertImages(tx: Tx, images: readonly ImageRow[]): Promise<void> {
  for (const image of images) {
    const { id, ...data } = image;
    await tx.image.upsert({ where: { id }, create: image, update: data });
  }
}
