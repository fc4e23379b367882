/**
 * What an ISV changes when forking: product name, tagline, colours and support contact. Kept in one
 * place so pages, the configuration guide and OIN values agree.
 */
export const brand = {
  productName: 'OIN Reference SaaS',
  tagline: 'The multi-tenant app your customers sign in to with their own Okta.',
  supportEmail: 'support@example.com',
} as const;
