-- DropIndex
DROP INDEX "MetricBucket_resolution_start_idx";

-- CreateIndex
CREATE INDEX "MetricBucket_resolution_start_functionId_coldStarts_invocations_initP95_idx" ON "MetricBucket"("resolution", "start", "functionId", "coldStarts", "invocations", "initP95");

-- CreateIndex
CREATE INDEX "PollRun_status_finishedAt_idx" ON "PollRun"("status", "finishedAt");
