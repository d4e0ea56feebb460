import { KMSClient } from '@aws-sdk/client-kms';

/** Bounded SDK retries: KMS throttling is retried briefly, then surfaces as a failure. */
export const KMS_MAX_ATTEMPTS = 3;

export function createKmsClient(): KMSClient {
  return new KMSClient({ maxAttempts: KMS_MAX_ATTEMPTS });
}
