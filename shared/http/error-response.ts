import { ERROR_CODES } from './error-codes.ts';
import { RabhanError, type ErrorDetail } from './errors.ts';
import type { Language } from './language.ts';

export interface ErrorResponseBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details: readonly ErrorDetail[];
    readonly requestId: string;
    readonly timestamp: string;
  };
}

/**
 * Maps anything thrown to what a client may see. Deliberate errors below 500 keep their code and details;
 * everything else collapses to INTERNAL_ERROR so that no stack trace, SDK message or internal name leaks.
 */
export function toClientError(thrown: unknown): RabhanError {
  if (thrown instanceof RabhanError && thrown.httpStatus < 500) return thrown;
  return new RabhanError('INTERNAL_ERROR', { cause: thrown });
}

export function buildErrorResponseBody(
  error: RabhanError,
  language: Language,
  requestId: string,
  now: Date,
): ErrorResponseBody {
  return {
    error: {
      code: error.code,
      message: ERROR_CODES[error.code].message[language],
      details: error.details,
      requestId,
      timestamp: now.toISOString(),
    },
  };
}
