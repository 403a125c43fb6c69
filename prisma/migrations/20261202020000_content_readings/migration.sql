-- CreateTable
CREATE TABLE "ContentReading" (
    "sha256" TEXT NOT NULL,
    "format" "DocumentFormat" NOT NULL,
    "pageCount" INTEGER,
    "classification" JSONB NOT NULL,
    "statements" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentReading_pkey" PRIMARY KEY ("sha256")
);

-- CreateIndex
CREATE INDEX "Document_storageKey_idx" ON "Document"("storageKey");
