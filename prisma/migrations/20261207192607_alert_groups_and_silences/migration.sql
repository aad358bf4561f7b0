-- CreateTable
CREATE TABLE "Silence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "matchers" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "note" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "liftedAt" DATETIME,
    "liftedBy" TEXT
);

-- CreateTable
CREATE TABLE "AlertGroupNotice" (
    "channel" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "notifiedAt" DATETIME NOT NULL,

    PRIMARY KEY ("channel", "groupKey")
);

-- CreateTable
CREATE TABLE "ChannelBaseline" (
    "channel" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Alert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fingerprint" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "functionId" TEXT,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "functionName" TEXT,
    "team" TEXT,
    "title" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '{}',
    "openedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME,
    "acknowledgedAt" DATETIME,
    "acknowledgedBy" TEXT,
    "acknowledgeNote" TEXT,
    "silencedUntil" DATETIME,
    "silenceId" TEXT,
    "environment" TEXT,
    "groupKey" TEXT NOT NULL DEFAULT '',
    "subject" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Alert_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Alert" ("accountId", "acknowledgedAt", "acknowledgedBy", "evidence", "fingerprint", "functionId", "functionName", "id", "openedAt", "reason", "region", "resolvedAt", "rule", "severity", "silencedUntil", "state", "team", "title", "updatedAt") SELECT "accountId", "acknowledgedAt", "acknowledgedBy", "evidence", "fingerprint", "functionId", "functionName", "id", "openedAt", "reason", "region", "resolvedAt", "rule", "severity", "silencedUntil", "state", "team", "title", "updatedAt" FROM "Alert";
DROP TABLE "Alert";
ALTER TABLE "new_Alert" RENAME TO "Alert";
CREATE INDEX "Alert_fingerprint_state_idx" ON "Alert"("fingerprint", "state");
CREATE INDEX "Alert_state_severity_idx" ON "Alert"("state", "severity");
CREATE INDEX "Alert_groupKey_idx" ON "Alert"("groupKey");
CREATE INDEX "Alert_openedAt_idx" ON "Alert"("openedAt");
CREATE INDEX "Alert_functionId_idx" ON "Alert"("functionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Silence_endsAt_idx" ON "Silence"("endsAt");
