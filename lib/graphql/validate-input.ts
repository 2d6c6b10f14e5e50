import type { z } from 'zod';
import { ErrorCode, userError } from '../errors.ts';

/**
 * Parses resolver arguments at the boundary: the first bad field becomes one BAD_USER_INPUT error
 * naming the field, so nothing below this point sees unvalidated input.
 */
export function validateInput<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const field = issue?.path.join('.') ?? '';
  const message = issue ? `${field ? `${field}: ` : ''}${issue.message}` : 'Invalid input.';
  throw userError(ErrorCode.BadUserInput, message, { field });
}
