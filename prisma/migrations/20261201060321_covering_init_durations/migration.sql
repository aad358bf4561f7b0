-- DropIndex
DROP INDEX "MetricBucket_resolution_start_functionId_coldStarts_invocations_initP95_idx";

-- CreateIndex
CREATE INDEX "MetricBucket_resolution_start_functionId_coldStarts_invocations_initP95_initAvg_initMax_idx" ON "MetricBucket"("resolution", "start", "functionId", "coldStarts", "invocations", "initP95", "initAvg", "initMax");
