-- Overlapping evaluators could open a second alert for one fingerprint: keep the earliest open
-- one of each and resolve the others (when they last changed), so the unique index can be built.
UPDATE "Alert" SET "state" = 'resolved', "resolvedAt" = "updatedAt"
WHERE "resolvedAt" IS NULL AND EXISTS (
  SELECT 1 FROM "Alert" "earlier"
  WHERE "earlier"."fingerprint" = "Alert"."fingerprint" AND "earlier"."resolvedAt" IS NULL
    AND ("earlier"."openedAt" < "Alert"."openedAt"
      OR ("earlier"."openedAt" = "Alert"."openedAt" AND "earlier"."id" < "Alert"."id"))
);

-- CreateIndex
CREATE UNIQUE INDEX "Alert_open_fingerprint_key" ON "Alert"("fingerprint") WHERE ("resolvedAt" IS NULL);
