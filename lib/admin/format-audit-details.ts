/**
 * An audit event's details as readable lines rather than JSON: nested objects flattened to dotted keys
 * (`before.role`), lists joined, long values cut. The actor label is left out (the page shows the actor).
 * Pure; used by the audit page and its CSV export.
 */
const MAX_ENTRIES = 30;
const MAX_VALUE = 300;

export type DetailLine = { key: string; value: string };

function text(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function formatAuditDetails(details: Record<string, unknown>): DetailLine[] {
  const lines: DetailLine[] = [];
  const walk = (value: unknown, key: string, depth: number) => {
    if (lines.length >= MAX_ENTRIES) return;
    if (value && typeof value === 'object' && !Array.isArray(value) && depth < 4) {
      for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}.${k}` : k, depth + 1);
      return;
    }
    const shown = Array.isArray(value) ? (value.length ? value.map(text).join(', ') : '—') : text(value);
    lines.push({ key, value: shown.length > MAX_VALUE ? `${shown.slice(0, MAX_VALUE)}…` : shown });
  };
  for (const [k, v] of Object.entries(details)) if (k !== 'actor') walk(v, k, 1);
  return lines;
}

/** One line of text: `key: value; key: value` (CSV cells). */
export const auditDetailsText = (details: Record<string, unknown>) =>
  formatAuditDetails(details).map((l) => `${l.key}: ${l.value}`).join('; ');
