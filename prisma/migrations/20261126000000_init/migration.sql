-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "StatementType" AS ENUM ('INCOME_STATEMENT', 'BALANCE_SHEET', 'CASH_FLOW_STATEMENT');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('ANNUAL_REPORT', 'INTERIM_REPORT', 'EARNINGS_RELEASE', 'PRESENTATION', 'OTHER');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('STORED', 'EXTRACTING', 'EXTRACTED', 'FAILED');

-- CreateEnum
CREATE TYPE "ExtractionProvider" AS ENUM ('LAYOUT', 'LLM');

-- CreateEnum
CREATE TYPE "JobKind" AS ENUM ('EXTRACT_DOCUMENT', 'DISCOVER_DOCUMENTS', 'COMPILE_COMPANY', 'PROCESS_COMPANY');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ApiScope" AS ENUM ('read', 'write', 'admin');

-- CreateTable
CREATE TABLE "Company" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT,
    "irUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ticker" (
    "id" SERIAL NOT NULL,
    "companyId" INTEGER NOT NULL,
    "ticker" TEXT NOT NULL,
    "exchange" TEXT NOT NULL,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Ticker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" SERIAL NOT NULL,
    "companyId" INTEGER NOT NULL,
    "fiscalYear" INTEGER,
    "kind" "DocumentKind" NOT NULL DEFAULT 'ANNUAL_REPORT',
    "title" TEXT,
    "sourceUrl" TEXT,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "pageCount" INTEGER,
    "language" TEXT,
    "status" "DocumentStatus" NOT NULL DEFAULT 'STORED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Extraction" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "statementType" "StatementType" NOT NULL,
    "provider" "ExtractionProvider" NOT NULL,
    "model" TEXT,
    "title" TEXT,
    "pages" INTEGER[],
    "currency" TEXT,
    "unit" TEXT NOT NULL,
    "checks" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Extraction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExtractionColumn" (
    "id" SERIAL NOT NULL,
    "extractionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "fiscalYear" INTEGER,
    "periodEnd" DATE,
    "periodMonths" INTEGER,

    CONSTRAINT "ExtractionColumn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExtractedLine" (
    "id" SERIAL NOT NULL,
    "extractionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "concept" TEXT,
    "level" INTEGER NOT NULL DEFAULT 0,
    "isTotal" BOOLEAN NOT NULL DEFAULT false,
    "page" INTEGER NOT NULL,

    CONSTRAINT "ExtractedLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExtractedValue" (
    "id" SERIAL NOT NULL,
    "lineId" INTEGER NOT NULL,
    "columnId" INTEGER NOT NULL,
    "value" DECIMAL(28,6),

    CONSTRAINT "ExtractedValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompiledStatement" (
    "id" SERIAL NOT NULL,
    "companyId" INTEGER NOT NULL,
    "statementType" "StatementType" NOT NULL,
    "currency" TEXT,
    "unit" TEXT NOT NULL,
    "fiscalYears" INTEGER[],
    "checks" JSONB NOT NULL DEFAULT '[]',
    "gaps" JSONB NOT NULL DEFAULT '{}',
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "compiledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompiledStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompiledRow" (
    "id" SERIAL NOT NULL,
    "compiledStatementId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "concept" TEXT,
    "label" TEXT NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 0,
    "isTotal" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CompiledRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompiledCell" (
    "id" SERIAL NOT NULL,
    "rowId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "value" DECIMAL(28,6),
    "restated" BOOLEAN NOT NULL DEFAULT false,
    "sourceExtractionId" INTEGER NOT NULL,
    "sourceDocumentId" INTEGER NOT NULL,
    "page" INTEGER NOT NULL,
    "history" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "CompiledCell_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" SERIAL NOT NULL,
    "kind" "JobKind" NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "companyId" INTEGER,
    "documentId" INTEGER,
    "dedupeKey" TEXT,
    "input" JSONB NOT NULL DEFAULT '{}',
    "progressStep" TEXT,
    "progressCurrent" INTEGER,
    "progressTotal" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "result" JSONB,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" TEXT,
    "lockedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "scopes" "ApiScope"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeedRun" (
    "name" TEXT NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeedRun_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Company_name_idx" ON "Company"("name");

-- CreateIndex
CREATE INDEX "Ticker_companyId_idx" ON "Ticker"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "Ticker_ticker_exchange_key" ON "Ticker"("ticker", "exchange");

-- CreateIndex
CREATE INDEX "Document_companyId_fiscalYear_idx" ON "Document"("companyId", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "Document_companyId_sha256_key" ON "Document"("companyId", "sha256");

-- CreateIndex
CREATE UNIQUE INDEX "Extraction_documentId_statementType_provider_key" ON "Extraction"("documentId", "statementType", "provider");

-- CreateIndex
CREATE UNIQUE INDEX "ExtractionColumn_extractionId_position_key" ON "ExtractionColumn"("extractionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ExtractedLine_extractionId_position_key" ON "ExtractedLine"("extractionId", "position");

-- CreateIndex
CREATE INDEX "ExtractedValue_columnId_idx" ON "ExtractedValue"("columnId");

-- CreateIndex
CREATE UNIQUE INDEX "ExtractedValue_lineId_columnId_key" ON "ExtractedValue"("lineId", "columnId");

-- CreateIndex
CREATE UNIQUE INDEX "CompiledStatement_companyId_statementType_key" ON "CompiledStatement"("companyId", "statementType");

-- CreateIndex
CREATE UNIQUE INDEX "CompiledRow_compiledStatementId_position_key" ON "CompiledRow"("compiledStatementId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CompiledCell_rowId_fiscalYear_key" ON "CompiledCell"("rowId", "fiscalYear");

-- CreateIndex
CREATE INDEX "Job_status_kind_idx" ON "Job"("status", "kind");

-- CreateIndex
CREATE INDEX "Job_companyId_idx" ON "Job"("companyId");

-- CreateIndex
CREATE INDEX "Job_documentId_idx" ON "Job"("documentId");

-- CreateIndex
CREATE INDEX "Job_dedupeKey_idx" ON "Job"("dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_secretHash_key" ON "ApiKey"("secretHash");

-- AddForeignKey
ALTER TABLE "Ticker" ADD CONSTRAINT "Ticker_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extraction" ADD CONSTRAINT "Extraction_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtractionColumn" ADD CONSTRAINT "ExtractionColumn_extractionId_fkey" FOREIGN KEY ("extractionId") REFERENCES "Extraction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtractedLine" ADD CONSTRAINT "ExtractedLine_extractionId_fkey" FOREIGN KEY ("extractionId") REFERENCES "Extraction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtractedValue" ADD CONSTRAINT "ExtractedValue_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "ExtractedLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtractedValue" ADD CONSTRAINT "ExtractedValue_columnId_fkey" FOREIGN KEY ("columnId") REFERENCES "ExtractionColumn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompiledStatement" ADD CONSTRAINT "CompiledStatement_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompiledRow" ADD CONSTRAINT "CompiledRow_compiledStatementId_fkey" FOREIGN KEY ("compiledStatementId") REFERENCES "CompiledStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompiledCell" ADD CONSTRAINT "CompiledCell_rowId_fkey" FOREIGN KEY ("rowId") REFERENCES "CompiledRow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

