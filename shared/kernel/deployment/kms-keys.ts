/**
 * The KMS keys the application uses, with the environment variable through which each reaches the functions.
 * The CDK stateful stack and the local runtime both create keys from this table. (The table key and queue keys
 * are infrastructure-only and live in the stacks.)
 */
import { SECURITY_ENVIRONMENT_VARIABLES } from '../config/security-config.ts';

export interface ApplicationKeyDefinition {
  readonly description: string;
  readonly keySpec: 'SYMMETRIC_DEFAULT' | 'HMAC_256' | 'ECC_NIST_P256';
  readonly keyUsage: 'ENCRYPT_DECRYPT' | 'GENERATE_VERIFY_MAC' | 'SIGN_VERIFY';
  /** Only symmetric encryption keys support automatic rotation in KMS. */
  readonly rotate: boolean;
  readonly environmentVariable: string;
}

export const APPLICATION_KEYS = {
  personalData: {
    description: 'Envelope encryption of personal fields (AWS Encryption SDK generator key).',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    rotate: true,
    environmentVariable: SECURITY_ENVIRONMENT_VARIABLES.piiKeyArn,
  },
  blindIndex: {
    description: 'HMAC key for blind indexes of personal values; never leaves KMS.',
    keySpec: 'HMAC_256',
    keyUsage: 'GENERATE_VERIFY_MAC',
    rotate: false,
    environmentVariable: SECURITY_ENVIRONMENT_VARIABLES.blindIndexKeyId,
  },
  tokenSigning: {
    description: 'ES256 signing of access tokens.',
    keySpec: 'ECC_NIST_P256',
    keyUsage: 'SIGN_VERIFY',
    rotate: false,
    environmentVariable: SECURITY_ENVIRONMENT_VARIABLES.tokenSigningKeyId,
  },
} as const satisfies Record<string, ApplicationKeyDefinition>;

/** Which application key each permission needs. */
export const PERMISSION_KEYS = {
  'pii:encrypt': 'personalData',
  'pii:decrypt': 'personalData',
  'pii:blind-index': 'blindIndex',
  'token:sign': 'tokenSigning',
  'token:read-public-key': 'tokenSigning',
} as const satisfies Record<string, keyof typeof APPLICATION_KEYS>;
