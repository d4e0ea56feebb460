/**
 * The personal-data ports: field encryption and the keyed blind index. Their KMS adapters sit beside them; pure
 * use-case tests pass in-memory fakes.
 */

export type PersonalField = 'nationalId' | 'fullNameAr' | 'fullNameEn' | 'phone' | 'email' | 'dateOfBirth' | 'iban' | 'secAccountNumber' | 'installationAddress';

export interface PersonalDataCipher {
  encrypt(entityId: string, field: PersonalField, plaintext: string): Promise<string>;
  decrypt(entityId: string, field: PersonalField, ciphertext: string): Promise<string>;
}

export type BlindIndexPurpose = 'national-id' | 'sec-account-number';

export interface BlindIndexer {
  indexOf(purpose: BlindIndexPurpose, value: string): Promise<string>;
}

