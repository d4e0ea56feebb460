/** The outside services identity depends on. */
import type { AccessTokenClaims } from './access-token.ts';

export interface AccessTokenSigner {
  sign(claims: AccessTokenClaims): Promise<string>;
}

export interface NafathLoginRequest {
  readonly transactionId: string;
  /** The number the person must pick in the Nafath app. */
  readonly randomNumber: string;
}

export interface NafathClient {
  requestLogin(nationalId: string): Promise<NafathLoginRequest>;
}
