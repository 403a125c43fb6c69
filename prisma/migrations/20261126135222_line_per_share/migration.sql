-- AlterTable
ALTER TABLE "ExtractedLine" ADD COLUMN     "perShare" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "CompiledRow" ADD COLUMN     "perShare" BOOLEAN NOT NULL DEFAULT false;
