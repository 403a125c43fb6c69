import type { z } from 'zod';
import { ValidationError } from '../errors.js';

/** Parses `input` with `schema`, turning every issue into a per-field ValidationError entry. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors = result.error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
  }));
  const summary = fieldErrors.map((f) => (f.path.length ? `${f.path.join('.')}: ${f.message}` : f.message)).join('; ');
  throw new ValidationError(`Invalid input: ${summary}`, fieldErrors);
}
