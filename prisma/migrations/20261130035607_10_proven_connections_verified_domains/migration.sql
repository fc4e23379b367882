-- DropIndex
DROP INDEX "Tenant_issuer_clientId_key";

-- DropIndex
DROP INDEX "TenantEmailDomain_tenantId_idx";

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "connectionProvenAt" TIMESTAMPTZ(3),
ADD COLUMN     "connectionProvenBy" TEXT,
ADD COLUMN     "domainVerificationToken" TEXT,
ADD COLUMN     "pendingClientId" TEXT,
ADD COLUMN     "pendingIssuer" TEXT,
ADD COLUMN     "pendingSince" TIMESTAMPTZ(3),
ADD COLUMN     "provenClientId" TEXT,
ADD COLUMN     "provenIssuer" TEXT;

-- AlterTable
ALTER TABLE "TenantEmailDomain" DROP CONSTRAINT "TenantEmailDomain_pkey",
ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "lastCheckCode" TEXT,
ADD COLUMN     "lastCheckedAt" TIMESTAMPTZ(3),
ADD COLUMN     "verifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "verifiedBy" TEXT,
ADD COLUMN     "verifiedDomain" TEXT,
ADD CONSTRAINT "TenantEmailDomain_pkey" PRIMARY KEY ("tenantId", "domain");

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_provenIssuer_provenClientId_key" ON "Tenant"("provenIssuer", "provenClientId");

-- CreateIndex
CREATE UNIQUE INDEX "TenantEmailDomain_verifiedDomain_key" ON "TenantEmailDomain"("verifiedDomain");

-- CreateIndex
CREATE INDEX "TenantEmailDomain_lastCheckedAt_idx" ON "TenantEmailDomain"("lastCheckedAt");

-- Data (issue 10): active tenants went live through a test sign-in or the operator's CLI, so their connection
-- counts as proven; drafts prove theirs with the wizard's test sign-in. Existing email domains stay
-- unverified until their DNS record is checked or the operator approves them (README "Email domains").
UPDATE "Tenant" SET "provenIssuer" = "issuer", "provenClientId" = "clientId",
  "connectionProvenAt" = CURRENT_TIMESTAMP, "connectionProvenBy" = 'operator' WHERE "status" = 'active';
UPDATE "Tenant" SET "domainVerificationToken" = replace(gen_random_uuid()::text, '-', '') WHERE "domainVerificationToken" IS NULL;
