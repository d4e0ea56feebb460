import { RabhanError, type ErrorDetail } from '../errors/rabhan-error.ts';
import type { Language } from './language.ts';
import { kernelError } from '../errors/kernel-error-codes.ts';

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
 * Maps anything thrown to what a client may see. Deliberate RabhanErrors keep their code and details (including
 * the few deliberate 5xx such as an upstream government service being down); anything else collapses to
 * INTERNAL_ERROR so that no stack trace, SDK message or internal name leaks.
 */
export function toClientError(thrown: unknown): RabhanError {
  if (thrown instanceof RabhanError) return thrown;
  return kernelError('INTERNAL_ERROR', { cause: thrown });
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
      message: error.messages[language],
      details: error.details,
      requestId,
      timestamp: now.toISOString(),
    },
  };
}
