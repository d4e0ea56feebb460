/** The contractors context's ZATCA port: verifying an installer's VAT registration. */
import type { VatRegistration } from '../domain/vat-verification.ts';

// The type lives in the domain, whose verificationOutcome reads it (domain/ may not import app/).
export type { VatRegistration } from '../domain/vat-verification.ts';

export interface ZatcaClient {
  /**
   * ZATCA's registration of `vatNumber`. Throws GovernmentServiceError ('ZATCA') when ZATCA does not answer usefully;
   * `retryable` says whether trying again may help.
   */
  verifyVatRegistration(vatNumber: string, unifiedNumber: string): Promise<VatRegistration>;
}
