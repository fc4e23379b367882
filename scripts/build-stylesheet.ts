/** `tsx scripts/build-stylesheet.ts`: compile the one stylesheet (see lib/branding/build-stylesheet.ts). */
import { buildStylesheet } from '@/lib/branding/build-stylesheet';

buildStylesheet()
  .then(({ href, bytes }) => console.log(`Stylesheet ${href} (${Math.round(bytes / 1024)} KB)`))
  .catch((error: unknown) => {
    console.error(`Building the stylesheet failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
