-- AlterTable
ALTER TABLE "Function" ADD COLUMN     "versionsCheckedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "FunctionVersion" (
    "functionId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "imageDigest" TEXT,
    "imageRepository" TEXT,
    "lastModified" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FunctionVersion_pkey" PRIMARY KEY ("functionId","version")
);

-- CreateTable
CREATE TABLE "FunctionAlias" (
    "functionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "functionVersion" TEXT NOT NULL,
    "additionalVersion" TEXT,
    "additionalWeight" DOUBLE PRECISION,

    CONSTRAINT "FunctionAlias_pkey" PRIMARY KEY ("functionId","name")
);

-- AddForeignKey
ALTER TABLE "FunctionVersion" ADD CONSTRAINT "FunctionVersion_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunctionAlias" ADD CONSTRAINT "FunctionAlias_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function"("id") ON DELETE CASCADE ON UPDATE CASCADE;
