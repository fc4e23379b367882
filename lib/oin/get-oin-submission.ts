/**
 * The OIN values of this deployment: `APP_URL` from the environment and the logo file named in
 * lib/branding/brand.ts, read from disk (relative to the project root) and checked by its header.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brand } from '@/lib/branding/brand';
import { getEnv } from '@/lib/env';
import { checkOinLogo, type LogoCheck } from './check-logo';
import { oinSubmission, type OinSubmission } from './oin-submission';

export function readLogoCheck(file: string = brand.oinLogoFile, root = process.cwd()): LogoCheck {
  try {
    return checkOinLogo(readFileSync(/*turbopackIgnore: true*/ path.resolve(root, file)));
  } catch {
    return { ok: false, bytes: 0, image: null, problems: ['file not found'] };
  }
}

export function getOinSubmission(appUrl: string = getEnv().APP_URL): OinSubmission {
  return oinSubmission(appUrl, { file: brand.oinLogoFile, check: readLogoCheck() });
}
