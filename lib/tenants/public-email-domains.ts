/**
 * Free-mail and other public email domains (gmail.com, outlook.com, mail.ru, throwaway services…), from the
 * maintained `email-providers` package: nobody owns such a domain for an organization, so no tenant may route it.
 */
import providers from 'email-providers/all.json';

const PUBLIC = new Set<string>(providers as string[]);

/** True when `domain` or any parent of it is a public email domain (`gmail.com`, `eu.gmail.com`). */
export function isPublicEmailDomain(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    if (PUBLIC.has(labels.slice(i).join('.'))) return true;
  }
  return false;
}
