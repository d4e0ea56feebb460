import { ERROR_CODES, type ErrorCode } from '../../catalog/error-codes.ts';

export interface ErrorDetail {
  /** Dotted path of the offending field, or the rule name for policy refusals. */
  readonly field: string;
  readonly issue: string;
}

/**
 * The root of every error this platform raises on purpose. Each carries a stable code that names the broken rule;
 * the HTTP status and bilingual message come from ERROR_CODES. Only errors below 500 are shown to clients.
 */
export class RabhanError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly ErrorDetail[];
  readonly httpStatus: number;
  /** Extra response headers such as Retry-After. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: ErrorCode,
    options: { details?: readonly ErrorDetail[]; cause?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'RabhanError';
    this.code = code;
    this.details = options.details ?? [];
    this.httpStatus = ERROR_CODES[code].httpStatus;
    this.headers = options.headers ?? {};
  }
}
