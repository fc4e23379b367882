-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "accent" TEXT NOT NULL DEFAULT 'brand';
