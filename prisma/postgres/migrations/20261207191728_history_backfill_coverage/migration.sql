-- AlterTable
ALTER TABLE "Function" ADD COLUMN     "coldStartsCoveredFrom" TIMESTAMP(3),
ADD COLUMN     "metricsCoveredFrom" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PollRun" ADD COLUMN     "backfillDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "backfillScannedBytes" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "backfillSkippedBytes" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "backfillTotal" INTEGER NOT NULL DEFAULT 0;
