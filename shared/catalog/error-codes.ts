/**
 * Every error a client can see, joined from the contexts that declare them. A code declared by two contexts would
 * make one of them lie about its status or message, so joining refuses it.
 */
import { CREDIT_ERROR_CODES } from '../credit/api/error-codes.ts';
import { CUSTOMERS_ERROR_CODES } from '../customers/api/error-codes.ts';
import { IDENTITY_ERROR_CODES } from '../identity/api/error-codes.ts';
import type { ErrorCodeRegistry } from '../kernel/errors/error-code.ts';
import { KERNEL_ERROR_CODES } from '../kernel/errors/kernel-error-codes.ts';
import { LENDING_ERROR_CODES } from '../lending/api/error-codes.ts';
import { PAYMENTS_ERROR_CODES } from '../payments/api/error-codes.ts';
import { SOLAR_ERROR_CODES } from '../solar/api/error-codes.ts';
import { CONTRACTORS_ERROR_CODES } from '../contractors/api/error-codes.ts';
import { MARKETPLACE_ERROR_CODES } from '../marketplace/api/error-codes.ts';
import { PROJECTS_ERROR_CODES } from '../projects/api/error-codes.ts';
import { joinDeclarations } from './join.ts';

export const ERROR_CODE_REGISTRIES: Readonly<Record<string, ErrorCodeRegistry>> = {
  kernel: KERNEL_ERROR_CODES,
  identity: IDENTITY_ERROR_CODES,
  customers: CUSTOMERS_ERROR_CODES,
  credit: CREDIT_ERROR_CODES,
  lending: LENDING_ERROR_CODES,
  payments: PAYMENTS_ERROR_CODES,
  solar: SOLAR_ERROR_CODES,
  contractors: CONTRACTORS_ERROR_CODES,
  marketplace: MARKETPLACE_ERROR_CODES,
  projects: PROJECTS_ERROR_CODES,
};

export const ERROR_CODES: ErrorCodeRegistry = joinDeclarations('error code', ERROR_CODE_REGISTRIES);
