-- AlterTable
ALTER TABLE "Session" DROP COLUMN "idToken",
ADD COLUMN     "idTokenCipher" TEXT;

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "oktaOrgDomain" TEXT;

-- Pending consent sign-ins (10 minutes) kept the ID token in plaintext; they now hold it sealed. Drop the old
-- ones rather than mix the two: people who were on the consent page just sign in again.
DELETE FROM "PendingSignIn";
