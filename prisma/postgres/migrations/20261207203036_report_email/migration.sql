-- CreateTable
CREATE TABLE "ReportEmail" (
    "id" SERIAL NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "recipients" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachmentName" TEXT NOT NULL,
    "attachment" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportEmail_dedupeKey_key" ON "ReportEmail"("dedupeKey");

-- CreateIndex
CREATE INDEX "ReportEmail_status_nextAttemptAt_idx" ON "ReportEmail"("status", "nextAttemptAt");
