-- AlterTable
ALTER TABLE "Image" ADD COLUMN "lifecycle" TEXT;
ALTER TABLE "Image" ADD COLUMN "scanCompletedAt" DATETIME;
