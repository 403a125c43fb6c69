-- AlterTable
ALTER TABLE "Extraction" ADD COLUMN     "durationMs" INTEGER,
ADD COLUMN     "usage" JSONB;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "queueJobId" TEXT;
