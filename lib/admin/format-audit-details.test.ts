import { describe, expect, it } from 'vitest';
import { auditDetailsText, formatAuditDetails } from './format-audit-details';

describe('formatAuditDetails', () => {
  it('flattens nested objects to dotted keys, joins lists and leaves the actor out', () => {
    expect(formatAuditDetails({ actor: 'user:a@b.test', email: 'x@y.test', before: { role: 'admin', status: 'active' }, scopes: ['openid', 'email'], empty: [], none: null })).toEqual([
      { key: 'email', value: 'x@y.test' },
      { key: 'before.role', value: 'admin' },
      { key: 'before.status', value: 'active' },
      { key: 'scopes', value: 'openid, email' },
      { key: 'empty', value: '—' },
      { key: 'none', value: '—' },
    ]);
  });

  it('cuts long values and many entries', () => {
    const lines = formatAuditDetails(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'.repeat(500)])));
    expect(lines).toHaveLength(30);
    expect(lines[0]!.value).toHaveLength(301);
  });

  it('writes one line of text', () => {
    expect(auditDetailsText({ a: 1, b: { c: true } })).toBe('a: 1; b.c: true');
  });
});
