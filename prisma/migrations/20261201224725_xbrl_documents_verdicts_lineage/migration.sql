-- CreateEnum
CREATE TYPE "DocumentFormat" AS ENUM ('PDF', 'IXBRL', 'XBRL_PACKAGE');

-- CreateEnum
CREATE TYPE "StatementVerdict" AS ENUM ('VERIFIED', 'UNVERIFIED', 'INCONSISTENT');

-- CreateEnum
CREATE TYPE "ColumnKind" AS ENUM ('REPORTED', 'ADJUSTED', 'ADJUSTMENTS', 'BUDGET', 'TRANSLATION');

-- AlterEnum
ALTER TYPE "ExtractionProvider" ADD VALUE 'XBRL';

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "cik" TEXT,
ADD COLUMN     "lei" TEXT;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "format" "DocumentFormat" NOT NULL DEFAULT 'PDF';

-- AlterTable
ALTER TABLE "Extraction" ADD COLUMN     "verdict" "StatementVerdict";

-- AlterTable
ALTER TABLE "ExtractionColumn" ADD COLUMN     "currency" TEXT,
ADD COLUMN     "kind" "ColumnKind" NOT NULL DEFAULT 'REPORTED';

-- AlterTable
ALTER TABLE "ExtractedValue" ADD COLUMN     "factConcept" TEXT,
ADD COLUMN     "factContext" TEXT,
ADD COLUMN     "factId" TEXT,
ADD COLUMN     "factPosition" INTEGER;

-- AlterTable
ALTER TABLE "CompiledCell" ADD COLUMN     "sourceProvider" "ExtractionProvider",
ADD COLUMN     "sourceVerdict" "StatementVerdict";

-- CreateIndex
CREATE UNIQUE INDEX "Company_lei_key" ON "Company"("lei");

-- CreateIndex
CREATE UNIQUE INDEX "Company_cik_key" ON "Company"("cik");
