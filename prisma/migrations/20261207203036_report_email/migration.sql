-- CreateTable
CREATE TABLE "ReportEmail" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "nextAttemptAt" DATETIME,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportEmail_dedupeKey_key" ON "ReportEmail"("dedupeKey");

-- CreateIndex
CREATE INDEX "ReportEmail_status_nextAttemptAt_idx" ON "ReportEmail"("status", "nextAttemptAt");
