-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "dpopKeyCipher" TEXT,
ADD COLUMN     "requireDpop" BOOLEAN NOT NULL DEFAULT false;
