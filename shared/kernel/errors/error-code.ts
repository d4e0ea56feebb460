/**
 * The shape of an error code. Each context declares its own codes (`<context>/api/error-codes.ts`), the kernel
 * declares the ones every route shares, and the catalogue joins them and rejects a code declared twice.
 */
import { RabhanError, type RabhanErrorOptions } from './rabhan-error.ts';

export interface ErrorCodeDefinition {
  readonly httpStatus: number;
  readonly message: { readonly en: string; readonly ar: string };
}

export type ErrorCodeRegistry = Readonly<Record<string, ErrorCodeDefinition>>;

/** A function that raises a registry's errors by code, so a thrown error always carries its status and messages. */
export type ErrorRaiser<TRegistry extends ErrorCodeRegistry> = (code: keyof TRegistry & string, options?: RabhanErrorOptions) => RabhanError;

export function errorRaiser<TRegistry extends ErrorCodeRegistry>(registry: TRegistry): ErrorRaiser<TRegistry> {
  return (code, options) => new RabhanError(code, registry[code]!, options);
}
