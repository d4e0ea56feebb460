import type * as z from 'zod';
import ar from 'zod/v4/locales/ar.js';
import en from 'zod/v4/locales/en.js';
import type { ErrorDetail } from '../errors/rabhan-error.ts';
import type { Language } from './language.ts';
import { kernelError } from '../errors/kernel-error-codes.ts';

/**
 * The two locales are imported one by one: reaching them through `z.locales` makes esbuild keep every one of zod's
 * locales (about 250 KB minified) in each function's bundle.
 */
const localeErrorMaps = { en: en().localeError, ar: ar().localeError } as const;

function fieldPath(prefix: string, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].filter((segment) => segment !== '').join('.');
}

/** One detail per problem; an unknown field is reported under its own name so clients see exactly what to drop. */
export function zodIssuesToDetails(prefix: string, issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: fieldPath(prefix, [...issue.path, key]), issue: 'unrecognized_field' }))
      : [{ field: fieldPath(prefix, issue.path), issue: issue.message }],
  );
}

export interface RequestPart {
  readonly schema: z.ZodType | undefined;
  readonly input: unknown;
  /** Where the part lives in the request, prefixed to field paths: `body`, `path`, `query`. */
  readonly prefix: string;
}

/**
 * Parses every part of a request with zod in the caller's language and, if any part is invalid, throws one
 * VALIDATION_FAILED listing every problem in every part, so a client can fix them all in one round.
 */
export function parseRequestParts<const TParts extends Record<string, RequestPart>>(
  parts: TParts,
  language: Language,
): { [K in keyof TParts]: unknown } {
  const parsed: Record<string, unknown> = {};
  const details: ErrorDetail[] = [];
  for (const [name, part] of Object.entries(parts)) {
    if (part.schema === undefined) continue;
    const result = part.schema.safeParse(part.input, { error: localeErrorMaps[language] });
    if (result.success) parsed[name] = result.data;
    else details.push(...zodIssuesToDetails(part.prefix, result.error.issues));
  }
  if (details.length > 0) throw kernelError('VALIDATION_FAILED', { details });
  return parsed as { [K in keyof TParts]: unknown };
}
