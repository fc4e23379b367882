-- CreateTable
CREATE TABLE "UsedLogoutToken" (
    "issuer" TEXT NOT NULL,
    "jti" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsedLogoutToken_pkey" PRIMARY KEY ("issuer","jti")
);

-- CreateIndex
CREATE INDEX "UsedLogoutToken_expiresAt_idx" ON "UsedLogoutToken"("expiresAt");
