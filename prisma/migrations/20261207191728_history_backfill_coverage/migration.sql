-- AlterTable
ALTER TABLE "Function" ADD COLUMN "coldStartsCoveredFrom" DATETIME;
ALTER TABLE "Function" ADD COLUMN "metricsCoveredFrom" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PollRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "worker" TEXT,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "status" TEXT NOT NULL,
    "functionsSeen" INTEGER NOT NULL DEFAULT 0,
    "statesRead" INTEGER NOT NULL DEFAULT 0,
    "calls" TEXT NOT NULL DEFAULT '{}',
    "throttles" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "errors" TEXT NOT NULL DEFAULT '[]',
    "backfillDone" INTEGER NOT NULL DEFAULT 0,
    "backfillTotal" INTEGER NOT NULL DEFAULT 0,
    "backfillScannedBytes" REAL NOT NULL DEFAULT 0,
    "backfillSkippedBytes" REAL NOT NULL DEFAULT 0
);
INSERT INTO "new_PollRun" ("accountId", "calls", "errorCount", "errors", "finishedAt", "functionsSeen", "id", "region", "startedAt", "statesRead", "status", "throttles", "trigger", "worker") SELECT "accountId", "calls", "errorCount", "errors", "finishedAt", "functionsSeen", "id", "region", "startedAt", "statesRead", "status", "throttles", "trigger", "worker" FROM "PollRun";
DROP TABLE "PollRun";
ALTER TABLE "new_PollRun" RENAME TO "PollRun";
CREATE INDEX "PollRun_startedAt_idx" ON "PollRun"("startedAt");
CREATE INDEX "PollRun_accountId_region_startedAt_idx" ON "PollRun"("accountId", "region", "startedAt");
CREATE INDEX "PollRun_status_finishedAt_idx" ON "PollRun"("status", "finishedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
