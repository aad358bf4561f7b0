-- DropIndex
DROP INDEX "MetricBucket_resolution_start_functionId_coldStarts_invocat_idx";

-- CreateIndex
CREATE INDEX "MetricBucket_resolution_start_functionId_coldStarts_invocat_idx" ON "MetricBucket"("resolution", "start", "functionId", "coldStarts", "invocations", "initP95", "initAvg", "initMax");
