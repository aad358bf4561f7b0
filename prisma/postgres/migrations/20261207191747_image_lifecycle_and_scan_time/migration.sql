-- AlterTable
ALTER TABLE "Image" ADD COLUMN     "lifecycle" TEXT,
ADD COLUMN     "scanCompletedAt" TIMESTAMP(3);
