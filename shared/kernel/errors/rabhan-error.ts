import type { ErrorCodeDefinition, ErrorCodeRegistry } from './error-code.ts';

export interface ErrorDetail {
  /** Dotted path of the offending field, or the rule name for policy refusals. */
  readonly field: string;
  readonly issue: string;
}

export interface RabhanErrorOptions {
  readonly details?: readonly ErrorDetail[];
  readonly cause?: unknown;
  /** Extra response headers such as Retry-After. */
  readonly headers?: Record<string, string>;
}

/**
 * The root of every error this platform raises on purpose. Each carries a stable code that names the broken rule,
 * with the HTTP status and bilingual message its owning context declared for it. Raise one through that context's
 * raiser (`lendingError('PLAN_NOT_FOUND')`). Only errors below 500 are shown to clients.
 */
export class RabhanError extends Error {
  readonly code: string;
  readonly details: readonly ErrorDetail[];
  readonly httpStatus: number;
  readonly messages: ErrorCodeDefinition['message'];
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: string, definition: ErrorCodeDefinition, options: RabhanErrorOptions = {}) {
    super(code, { cause: options.cause });
    this.name = 'RabhanError';
    this.code = code;
    this.details = options.details ?? [];
    this.httpStatus = definition.httpStatus;
    this.messages = definition.message;
    this.headers = options.headers ?? {};
  }
}

/** A function that raises a registry's errors by code, so a thrown error always carries its status and messages. */
export type ErrorRaiser<TRegistry extends ErrorCodeRegistry> = (code: keyof TRegistry & string, options?: RabhanErrorOptions) => RabhanError;

export function errorRaiser<TRegistry extends ErrorCodeRegistry>(registry: TRegistry): ErrorRaiser<TRegistry> {
  return (code, options) => new RabhanError(code, registry[code]!, options);
}
