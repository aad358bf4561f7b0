-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "roleArn" TEXT,
    "assumeError" TEXT,
    "assumeErrorAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Function" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "packageType" TEXT NOT NULL,
    "runtime" TEXT,
    "handler" TEXT,
    "imageUri" TEXT,
    "imageDigest" TEXT,
    "imageRepository" TEXT,
    "imageConfig" TEXT,
    "codeSha256" TEXT NOT NULL,
    "lastModified" DATETIME NOT NULL,
    "architecture" TEXT NOT NULL,
    "memoryMb" INTEGER NOT NULL,
    "timeoutSec" INTEGER NOT NULL,
    "ephemeralMb" INTEGER NOT NULL,
    "fileSystems" TEXT NOT NULL DEFAULT '[]',
    "logFormat" TEXT NOT NULL DEFAULT 'Text',
    "logGroup" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '{}',
    "team" TEXT,
    "state" TEXT,
    "stateReason" TEXT,
    "stateReasonCode" TEXT,
    "lastUpdateStatus" TEXT,
    "lastUpdateReason" TEXT,
    "stateReadAt" DATETIME,
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    "lastInvokedAt" DATETIME,
    "metricsThrough" DATETIME,
    "coldStartsThrough" DATETIME,
    CONSTRAINT "Function_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StateInterval" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "functionId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "reasonCode" TEXT,
    "reason" TEXT,
    "from" DATETIME NOT NULL,
    "to" DATETIME,
    "lastObservedAt" DATETIME NOT NULL,
    CONSTRAINT "StateInterval_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConfigChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "functionId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "codeSha256" TEXT,
    "imageDigest" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "ConfigChange_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MetricBucket" (
    "functionId" TEXT NOT NULL,
    "resolution" TEXT NOT NULL,
    "start" DATETIME NOT NULL,
    "invocations" REAL NOT NULL DEFAULT 0,
    "errors" REAL NOT NULL DEFAULT 0,
    "throttles" REAL NOT NULL DEFAULT 0,
    "durationAvg" REAL,
    "durationP95" REAL,
    "concurrencyMax" REAL,
    "coldStarts" INTEGER NOT NULL DEFAULT 0,
    "initAvg" REAL,
    "initP95" REAL,
    "initMax" REAL,

    PRIMARY KEY ("functionId", "resolution", "start"),
    CONSTRAINT "MetricBucket_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FleetSnapshot" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "pollRunId" TEXT,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "packageType" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "count" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "Image" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "registryId" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "pushedAt" DATETIME,
    "sizeBytes" REAL,
    "lastPulledAt" DATETIME,
    "manifestLayers" TEXT NOT NULL DEFAULT '[]',
    "scanStatus" TEXT,
    "findingsCritical" INTEGER NOT NULL DEFAULT 0,
    "findingsHigh" INTEGER NOT NULL DEFAULT 0,
    "findingsMedium" INTEGER NOT NULL DEFAULT 0,
    "findingsLow" INTEGER NOT NULL DEFAULT 0,
    "missingAt" DATETIME,
    "checkedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BaseImageRelease" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runtime" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "layers" TEXT NOT NULL,
    "source" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "PollRun" (
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
    "errors" TEXT NOT NULL DEFAULT '[]'
);

-- CreateTable
CREATE TABLE "Alert" (
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
    "silencedUntil" DATETIME,
    CONSTRAINT "Alert_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dedupeKey" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "alertId" TEXT,
    "reportId" TEXT,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" DATETIME,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "week" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "provisional" BOOLEAN NOT NULL,
    "timeZone" TEXT NOT NULL,
    "generatedAt" DATETIME NOT NULL,
    "body" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "Function_packageType_state_idx" ON "Function"("packageType", "state");

-- CreateIndex
CREATE INDEX "Function_state_idx" ON "Function"("state");

-- CreateIndex
CREATE INDEX "Function_team_idx" ON "Function"("team");

-- CreateIndex
CREATE INDEX "Function_region_idx" ON "Function"("region");

-- CreateIndex
CREATE INDEX "Function_deletedAt_idx" ON "Function"("deletedAt");

-- CreateIndex
CREATE INDEX "Function_lastInvokedAt_idx" ON "Function"("lastInvokedAt");

-- CreateIndex
CREATE INDEX "Function_imageDigest_idx" ON "Function"("imageDigest");

-- CreateIndex
CREATE UNIQUE INDEX "Function_accountId_region_name_key" ON "Function"("accountId", "region", "name");

-- CreateIndex
CREATE INDEX "StateInterval_functionId_from_idx" ON "StateInterval"("functionId", "from");

-- CreateIndex
CREATE INDEX "StateInterval_state_from_idx" ON "StateInterval"("state", "from");

-- CreateIndex
CREATE INDEX "ConfigChange_functionId_at_idx" ON "ConfigChange"("functionId", "at");

-- CreateIndex
CREATE INDEX "ConfigChange_at_idx" ON "ConfigChange"("at");

-- CreateIndex
CREATE INDEX "MetricBucket_resolution_start_idx" ON "MetricBucket"("resolution", "start");

-- CreateIndex
CREATE INDEX "FleetSnapshot_at_idx" ON "FleetSnapshot"("at");

-- CreateIndex
CREATE INDEX "FleetSnapshot_accountId_region_at_idx" ON "FleetSnapshot"("accountId", "region", "at");

-- CreateIndex
CREATE INDEX "Image_digest_idx" ON "Image"("digest");

-- CreateIndex
CREATE UNIQUE INDEX "Image_registryId_repository_digest_key" ON "Image"("registryId", "repository", "digest");

-- CreateIndex
CREATE INDEX "BaseImageRelease_runtime_publishedAt_idx" ON "BaseImageRelease"("runtime", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BaseImageRelease_runtime_version_key" ON "BaseImageRelease"("runtime", "version");

-- CreateIndex
CREATE INDEX "PollRun_startedAt_idx" ON "PollRun"("startedAt");

-- CreateIndex
CREATE INDEX "PollRun_accountId_region_startedAt_idx" ON "PollRun"("accountId", "region", "startedAt");

-- CreateIndex
CREATE INDEX "Alert_fingerprint_state_idx" ON "Alert"("fingerprint", "state");

-- CreateIndex
CREATE INDEX "Alert_state_severity_idx" ON "Alert"("state", "severity");

-- CreateIndex
CREATE INDEX "Alert_openedAt_idx" ON "Alert"("openedAt");

-- CreateIndex
CREATE INDEX "Alert_functionId_idx" ON "Alert"("functionId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Report_week_idx" ON "Report"("week");

-- CreateIndex
CREATE UNIQUE INDEX "Report_week_team_provisional_key" ON "Report"("week", "team", "provisional");
