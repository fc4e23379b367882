-- AlterTable
ALTER TABLE "ConsentPolicy" ADD COLUMN     "logoContentType" TEXT,
ADD COLUMN     "logoImage" BYTEA,
ADD COLUMN     "logoSha256" TEXT;

-- Logos saved before uploads existed: a data:image/png|jpeg URL becomes the stored image (kept only when its
-- first bytes are really PNG or JPEG); any other logo (a path of this app, gif, svg…) is dropped, since the
-- consent page now shows only uploaded images and https URLs of other sites.
UPDATE "ConsentPolicy"
SET "logoImage" = decode(substring("logoUrl" from position(',' in "logoUrl") + 1), 'base64'),
    "logoContentType" = substring("logoUrl" from 6 for position(';' in "logoUrl") - 6)
WHERE "logoUrl" ~ '^data:image/(png|jpeg);base64,[A-Za-z0-9+/=]+$';

UPDATE "ConsentPolicy"
SET "logoImage" = NULL, "logoContentType" = NULL
WHERE "logoImage" IS NOT NULL
  AND NOT (length("logoImage") <= 102400
       AND (("logoContentType" = 'image/png' AND substring("logoImage" from 1 for 8) = '\x89504e470d0a1a0a'::bytea)
         OR ("logoContentType" = 'image/jpeg' AND substring("logoImage" from 1 for 3) = '\xffd8ff'::bytea)));

UPDATE "ConsentPolicy" SET "logoSha256" = encode(sha256("logoImage"), 'hex') WHERE "logoImage" IS NOT NULL;

UPDATE "ConsentPolicy" SET "logoUrl" = NULL WHERE "logoUrl" IS NOT NULL AND "logoUrl" !~ '^https://';
