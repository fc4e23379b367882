import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsOf, validationMessages } from './form-errors';

const t = (key: string, values?: Record<string, string | number>) => `${key}${values ? JSON.stringify(values) : ''}`;
const schema = z.object({
  name: z.string().trim().min(1).max(5),
  secret: z.string().min(8),
  limit: z.coerce.number().int().min(1).max(10),
  role: z.enum(['member', 'admin']),
  domain: z.string().regex(/^[a-z.]+$/, 'is not a domain name'),
});

function errors(input: Record<string, unknown>) {
  const parsed = schema.safeParse(input, { error: validationMessages(t) });
  if (parsed.success) throw new Error('expected a failure');
  return fieldErrorsOf(parsed.error);
}

describe('admin form errors', () => {
  it.each([
    [{ name: '' }, 'name', 'required'],
    [{ name: 'toolong' }, 'name', 'tooLong{"max":5}'],
    [{ secret: 'short' }, 'secret', 'tooShort{"min":8}'],
    [{ limit: '0' }, 'limit', 'tooSmall{"min":1}'],
    [{ limit: '11' }, 'limit', 'tooBig{"max":10}'],
    [{ limit: '1.5' }, 'limit', 'notWholeNumber'],
    [{ role: 'owner' }, 'role', 'invalidChoice'],
  ])('%j → %s: %s (in the admin’s language)', (bad, field, message) => {
    const valid = { name: 'ok', secret: 'long-enough', limit: '5', role: 'member', domain: 'a.test' };
    expect(errors({ ...valid, ...bad })[field]).toBe(message);
  });

  it('keeps a message the schema states itself, and gives one message per field', () => {
    const result = errors({ name: '', secret: '', limit: 'x', role: 'x', domain: 'NOT A DOMAIN' });
    expect(result.domain).toBe('is not a domain name');
    expect(Object.keys(result).sort()).toEqual(['domain', 'limit', 'name', 'role', 'secret']);
  });
});
