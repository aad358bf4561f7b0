-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "roleArn" TEXT,
    "assumeError" TEXT,
    "assumeErrorAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Function" (
    "id" TEXT NOT NULL,
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
    "lastModified" TIMESTAMP(3) NOT NULL,
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
    "stateReadAt" TIMESTAMP(3),
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "lastInvokedAt" TIMESTAMP(3),
    "metricsThrough" TIMESTAMP(3),
    "coldStartsThrough" TIMESTAMP(3),

    CONSTRAINT "Function_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StateInterval" (
    "id" SERIAL NOT NULL,
    "functionId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "reasonCode" TEXT,
    "reason" TEXT,
    "from" TIMESTAMP(3) NOT NULL,
    "to" TIMESTAMP(3),
    "lastObservedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StateInterval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfigChange" (
    "id" SERIAL NOT NULL,
    "functionId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "codeSha256" TEXT,
    "imageDigest" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "ConfigChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricBucket" (
    "functionId" TEXT NOT NULL,
    "resolution" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "invocations" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "errors" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "throttles" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "durationAvg" DOUBLE PRECISION,
    "durationP95" DOUBLE PRECISION,
    "concurrencyMax" DOUBLE PRECISION,
    "coldStarts" INTEGER NOT NULL DEFAULT 0,
    "initAvg" DOUBLE PRECISION,
    "initP95" DOUBLE PRECISION,
    "initMax" DOUBLE PRECISION,

    CONSTRAINT "MetricBucket_pkey" PRIMARY KEY ("functionId","resolution","start")
);

-- CreateTable
CREATE TABLE "FleetSnapshot" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "pollRunId" TEXT,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "packageType" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "FleetSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Image" (
    "id" TEXT NOT NULL,
    "registryId" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "pushedAt" TIMESTAMP(3),
    "sizeBytes" DOUBLE PRECISION,
    "lastPulledAt" TIMESTAMP(3),
    "manifestLayers" TEXT NOT NULL DEFAULT '[]',
    "scanStatus" TEXT,
    "findingsCritical" INTEGER NOT NULL DEFAULT 0,
    "findingsHigh" INTEGER NOT NULL DEFAULT 0,
    "findingsMedium" INTEGER NOT NULL DEFAULT 0,
    "findingsLow" INTEGER NOT NULL DEFAULT 0,
    "missingAt" TIMESTAMP(3),
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Image_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BaseImageRelease" (
    "id" SERIAL NOT NULL,
    "runtime" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "layers" TEXT NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "BaseImageRelease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollRun" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "worker" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "functionsSeen" INTEGER NOT NULL DEFAULT 0,
    "statesRead" INTEGER NOT NULL DEFAULT 0,
    "calls" TEXT NOT NULL DEFAULT '{}',
    "throttles" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "errors" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "PollRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
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
    "openedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedBy" TEXT,
    "silencedUntil" TIMESTAMP(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "alertId" TEXT,
    "reportId" TEXT,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "provisional" BOOLEAN NOT NULL,
    "timeZone" TEXT NOT NULL,
    "generatedAt" TIMESTAMP(3) NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Function" ADD CONSTRAINT "Function_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StateInterval" ADD CONSTRAINT "StateInterval_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfigChange" ADD CONSTRAINT "ConfigChange_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricBucket" ADD CONSTRAINT "MetricBucket_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;
