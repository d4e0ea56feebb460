/**
 * The ports use-cases depend on. Adapters in shared/adapters implement them against AWS; pure use-case tests pass
 * in-memory fakes. Anything that claims persistence is tested against the real engines.
 */
import type { AccessTokenClaims } from '../../identity/domain/access-token.ts';

export type PersonalField = 'nationalId' | 'fullNameAr' | 'fullNameEn' | 'phone' | 'email' | 'dateOfBirth' | 'iban';

export interface PersonalDataCipher {
  encrypt(entityId: string, field: PersonalField, plaintext: string): Promise<string>;
  decrypt(entityId: string, field: PersonalField, ciphertext: string): Promise<string>;
}

export type BlindIndexPurpose = 'national-id';

export interface BlindIndexer {
  indexOf(purpose: BlindIndexPurpose, value: string): Promise<string>;
}

export interface AccessTokenSigner {
  sign(claims: AccessTokenClaims): Promise<string>;
}

/** A government service did not answer usefully; `retryable` says whether trying again may help. */
export class GovernmentServiceError extends Error {
  constructor(
    readonly service: 'NAFATH' | 'SIMAH' | 'PAYMENT_GATEWAY',
    readonly reason: 'TIMEOUT' | 'UNAVAILABLE' | 'MALFORMED_RESPONSE' | 'REJECTED_REQUEST',
    readonly retryable: boolean,
  ) {
    super(`${service} ${reason}`);
    this.name = 'GovernmentServiceError';
  }
}

export interface NafathLoginRequest {
  readonly transactionId: string;
  /** The number the person must pick in the Nafath app. */
  readonly randomNumber: string;
}

export interface NafathClient {
  requestLogin(nationalId: string): Promise<NafathLoginRequest>;
}

export interface CreditReport {
  readonly reportId: string;
  readonly score: number;
  readonly grade: string;
  readonly existingObligationsHalalas: number;
  readonly activeDefaults: number;
}

export interface SimahClient {
  fetchCreditReport(nationalId: string, consentReference: string): Promise<CreditReport>;
}
