-- AlterTable
ALTER TABLE "Function" ADD COLUMN "versionsCheckedAt" DATETIME;

-- CreateTable
CREATE TABLE "FunctionVersion" (
    "functionId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "imageDigest" TEXT,
    "imageRepository" TEXT,
    "lastModified" DATETIME NOT NULL,

    PRIMARY KEY ("functionId", "version"),
    CONSTRAINT "FunctionVersion_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FunctionAlias" (
    "functionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "functionVersion" TEXT NOT NULL,
    "additionalVersion" TEXT,
    "additionalWeight" REAL,

    PRIMARY KEY ("functionId", "name"),
    CONSTRAINT "FunctionAlias_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
