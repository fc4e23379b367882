/**
 * zod issues as form errors: one message per form field (the first issue of each top-level key), in the
 * admin's language. Messages a schema states itself (e.g. "gmail.com is a public email domain") are kept;
 * zod's built-in ones are replaced by the `adminActions.validation` catalogue through a per-parse error map.
 */
import type { z } from 'zod';

type Translate = (key: 'required' | 'tooShort' | 'tooLong' | 'tooSmall' | 'tooBig' | 'invalidFormat' | 'invalidChoice' | 'notWholeNumber' | 'invalid', values?: Record<string, string | number>) => string;

type RawIssue = { code?: string; origin?: string; minimum?: unknown; maximum?: unknown; format?: string; input?: unknown; expected?: string };

/** A per-parse zod error map in the admin's language. */
export function validationMessages(t: Translate) {
  return (issue: RawIssue): string => {
    const n = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : 0);
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string') return n(issue.minimum) <= 1 ? t('required') : t('tooShort', { min: n(issue.minimum) });
        if (issue.origin === 'number') return t('tooSmall', { min: n(issue.minimum) });
        return t('invalid');
      case 'too_big':
        if (issue.origin === 'string') return t('tooLong', { max: n(issue.maximum) });
        if (issue.origin === 'number') return t('tooBig', { max: n(issue.maximum) });
        return t('invalid');
      case 'invalid_format':
        return t('invalidFormat');
      case 'invalid_value':
        return t('invalidChoice');
      case 'invalid_type':
        if (issue.input === undefined || issue.input === '') return t('required');
        return issue.expected === 'int' || issue.expected === 'number' ? t('notWholeNumber') : t('invalid');
      default:
        return t('invalid');
    }
  };
}

/** The first message of each top-level field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message;
  }
  return out;
}
