/**
 * The shape of an error code. Each context declares its own codes (`<context>/api/error-codes.ts`), the kernel
 * declares the ones every route shares, and the catalogue joins them and rejects a code declared twice.
 */
export interface ErrorCodeDefinition {
  readonly httpStatus: number;
  readonly message: { readonly en: string; readonly ar: string };
}

export type ErrorCodeRegistry = Readonly<Record<string, ErrorCodeDefinition>>;
