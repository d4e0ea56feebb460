/**
 * Keyed blind indexes let us find a record by a personal value without storing the value: the index is an
 * HMAC-SHA-256 computed inside KMS with a key that never leaves it, so a leaked table cannot be brute-forced
 * over the small space of national IDs.
 */
import { GenerateMacCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { BlindIndexer, BlindIndexPurpose } from './ports.ts';

export class KmsBlindIndexer implements BlindIndexer {
  constructor(
    private readonly kms: KMSClient,
    private readonly macKeyId: string,
  ) {}

  async indexOf(purpose: BlindIndexPurpose, value: string): Promise<string> {
    // The purpose prefix keeps indexes of different kinds of value from ever colliding.
    const { Mac } = await this.kms.send(
      new GenerateMacCommand({ KeyId: this.macKeyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(`${purpose}:${value}`, 'utf8') }),
    );
    if (Mac === undefined) throw new Error('KMS returned no MAC');
    return Buffer.from(Mac).toString('base64url');
  }
}
