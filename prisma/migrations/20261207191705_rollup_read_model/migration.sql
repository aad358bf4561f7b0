-- CreateTable
CREATE TABLE "FunctionRollup" (
    "functionId" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "windowFrom" DATETIME NOT NULL,
    "invocations" REAL NOT NULL,
    "errors" REAL NOT NULL,
    "throttles" REAL NOT NULL,
    "coldStarts" INTEGER NOT NULL,
    "coldStartRate" REAL,
    "initP95" REAL,
    "coverageFrom" DATETIME,
    "watermark" DATETIME,
    "computedAt" DATETIME NOT NULL,

    PRIMARY KEY ("functionId", "window"),
    CONSTRAINT "FunctionRollup_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SliceRollup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "resolution" TEXT NOT NULL,
    "start" DATETIME NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "packageType" TEXT NOT NULL,
    "team" TEXT,
    "invocations" REAL NOT NULL,
    "coldStarts" INTEGER NOT NULL,
    "initP95" REAL,
    "computedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RollupScope" (
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "computedAt" DATETIME NOT NULL,
    "watermark" DATETIME,
    "version" INTEGER NOT NULL,

    PRIMARY KEY ("accountId", "region")
);

-- CreateIndex
CREATE INDEX "FunctionRollup_window_coldStarts_idx" ON "FunctionRollup"("window", "coldStarts");

-- CreateIndex
CREATE INDEX "SliceRollup_resolution_start_accountId_region_packageType_team_coldStarts_invocations_initP95_idx" ON "SliceRollup"("resolution", "start", "accountId", "region", "packageType", "team", "coldStarts", "invocations", "initP95");

-- CreateIndex
CREATE INDEX "SliceRollup_accountId_region_resolution_start_idx" ON "SliceRollup"("accountId", "region", "resolution", "start");
