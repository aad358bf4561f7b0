-- CreateTable
CREATE TABLE "FunctionRollup" (
    "functionId" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "windowFrom" TIMESTAMP(3) NOT NULL,
    "invocations" DOUBLE PRECISION NOT NULL,
    "errors" DOUBLE PRECISION NOT NULL,
    "throttles" DOUBLE PRECISION NOT NULL,
    "coldStarts" INTEGER NOT NULL,
    "coldStartRate" DOUBLE PRECISION,
    "initP95" DOUBLE PRECISION,
    "coverageFrom" TIMESTAMP(3),
    "watermark" TIMESTAMP(3),
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FunctionRollup_pkey" PRIMARY KEY ("functionId","window")
);

-- CreateTable
CREATE TABLE "SliceRollup" (
    "id" SERIAL NOT NULL,
    "resolution" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "packageType" TEXT NOT NULL,
    "team" TEXT,
    "invocations" DOUBLE PRECISION NOT NULL,
    "coldStarts" INTEGER NOT NULL,
    "initP95" DOUBLE PRECISION,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SliceRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RollupScope" (
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "watermark" TIMESTAMP(3),
    "version" INTEGER NOT NULL,

    CONSTRAINT "RollupScope_pkey" PRIMARY KEY ("accountId","region")
);

-- CreateIndex
CREATE INDEX "FunctionRollup_window_coldStarts_idx" ON "FunctionRollup"("window", "coldStarts");

-- CreateIndex
CREATE INDEX "SliceRollup_resolution_start_accountId_region_packageType_t_idx" ON "SliceRollup"("resolution", "start", "accountId", "region", "packageType", "team", "coldStarts", "invocations", "initP95");

-- CreateIndex
CREATE INDEX "SliceRollup_accountId_region_resolution_start_idx" ON "SliceRollup"("accountId", "region", "resolution", "start");

-- AddForeignKey
ALTER TABLE "FunctionRollup" ADD CONSTRAINT "FunctionRollup_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function"("id") ON DELETE CASCADE ON UPDATE CASCADE;
