-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "acknowledgeNote" TEXT,
ADD COLUMN     "environment" TEXT,
ADD COLUMN     "groupKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "silenceId" TEXT,
ADD COLUMN     "subject" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Silence" (
    "id" TEXT NOT NULL,
    "matchers" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "note" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "liftedAt" TIMESTAMP(3),
    "liftedBy" TEXT,

    CONSTRAINT "Silence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertGroupNotice" (
    "channel" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "notifiedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertGroupNotice_pkey" PRIMARY KEY ("channel","groupKey")
);

-- CreateTable
CREATE TABLE "ChannelBaseline" (
    "channel" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelBaseline_pkey" PRIMARY KEY ("channel")
);

-- CreateIndex
CREATE INDEX "Silence_endsAt_idx" ON "Silence"("endsAt");

-- CreateIndex
CREATE INDEX "Alert_groupKey_idx" ON "Alert"("groupKey");
