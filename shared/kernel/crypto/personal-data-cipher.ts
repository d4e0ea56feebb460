/**
 * Envelope encryption of personal fields with the AWS Encryption SDK and a KMS keyring. The encryption context
 * binds each ciphertext to the table, entity and field, so a ciphertext copied onto another customer or field
 * fails to decrypt. A caching materials manager bounds how often KMS is called for the same context.
 */
// The SDK's own packages, not its client-node bundle: that one also brings the raw AES and RSA keyrings and the
// hierarchical keyring's DynamoDB branch key store, none of which we use (about 145 KB and 15 ms of cold start).
import { getLocalCryptographicMaterialsCache, NodeCachingMaterialsManager } from '@aws-crypto/caching-materials-manager-node';
import { buildDecrypt } from '@aws-crypto/decrypt-node';
import { buildEncrypt } from '@aws-crypto/encrypt-node';
import { KmsKeyringNode } from '@aws-crypto/kms-keyring-node';
import { AlgorithmSuiteIdentifier, CommitmentPolicy } from '@aws-crypto/material-management-node';
import type { KMS } from '@aws-sdk/client-kms';
import type { PersonalDataCipher, PersonalField } from './ports.ts';

/** Data keys are reused for at most this long and this many messages, then KMS issues a fresh one. */
export const DATA_KEY_CACHE_MAX_AGE_MILLISECONDS = 5 * 60 * 1000;
export const DATA_KEY_CACHE_MESSAGES_MAX = 1_000;
/** Distinct contexts cached per process; each entry is a few hundred bytes. */
const DATA_KEY_CACHE_ENTRIES_MAX = 1_000;

const { encrypt } = buildEncrypt(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);
const { decrypt } = buildDecrypt(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);

/**
 * Key-committing AES-256-GCM without the default ECDSA message signature: only this platform writes and reads
 * these fields, so a signature (which separates writers from readers) buys nothing and costs about a millisecond
 * per decrypt on the hot path. The encryption context still authenticates table, entity and field.
 */
const FIELD_ALGORITHM_SUITE = AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY;

export class PersonalDataDecryptionError extends Error {
  constructor(cause: unknown) {
    super('A personal field could not be decrypted', { cause });
    this.name = 'PersonalDataDecryptionError';
  }
}

export class KmsPersonalDataCipher implements PersonalDataCipher {
  private readonly materials: NodeCachingMaterialsManager;

  constructor(
    piiKeyArn: string,
    private readonly tableName: string,
    /** The aggregated KMS client the keyring calls. @default one per region, made by the Encryption SDK */
    kmsClient?: KMS,
  ) {
    this.materials = new NodeCachingMaterialsManager({
      backingMaterials: new KmsKeyringNode({ generatorKeyId: piiKeyArn, ...(kmsClient === undefined ? {} : { clientProvider: () => kmsClient }) }),
      cache: getLocalCryptographicMaterialsCache(DATA_KEY_CACHE_ENTRIES_MAX),
      maxAge: DATA_KEY_CACHE_MAX_AGE_MILLISECONDS,
      maxMessagesEncrypted: DATA_KEY_CACHE_MESSAGES_MAX,
    });
  }

  private context(entityId: string, field: PersonalField): Record<string, string> {
    return { table: this.tableName, entity: entityId, field };
  }

  async encrypt(entityId: string, field: PersonalField, plaintext: string): Promise<string> {
    const { result } = await encrypt(this.materials, Buffer.from(plaintext, 'utf8'), {
      encryptionContext: this.context(entityId, field),
      suiteId: FIELD_ALGORITHM_SUITE,
    });
    return result.toString('base64');
  }

  async decrypt(entityId: string, field: PersonalField, ciphertext: string): Promise<string> {
    const expected = this.context(entityId, field);
    try {
      const { plaintext, messageHeader } = await decrypt(this.materials, Buffer.from(ciphertext, 'base64'));
      // The SDK authenticates the stored context; we must still check it is the one we expect.
      for (const [key, value] of Object.entries(expected)) {
        if (messageHeader.encryptionContext[key] !== value) throw new Error(`Encryption context mismatch on ${key}`);
      }
      return plaintext.toString('utf8');
    } catch (error) {
      throw new PersonalDataDecryptionError(error);
    }
  }
}
