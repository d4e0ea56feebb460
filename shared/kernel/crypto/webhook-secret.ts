import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { MissingConfigurationError } from '../config/environment.ts';
import { WEBHOOK_SECRETS, type WebhookSecretName } from '../deployment/webhook-secrets.ts';

/**
 * Returns a loader for a webhook signing secret: the plain variable when set (local runtime), otherwise the
 * Secrets Manager value, fetched once per container and fetched again only after a failure.
 */
export function webhookSecretLoader(name: WebhookSecretName, environment: Readonly<Record<string, string | undefined>> = process.env): () => Promise<string> {
  const definition = WEBHOOK_SECRETS[name];
  const plain = environment[definition.environmentVariable];
  if (plain !== undefined && plain !== '') return async () => plain;
  const secretArn = environment[definition.arnEnvironmentVariable];
  if (secretArn === undefined || secretArn === '') throw new MissingConfigurationError(`${definition.environmentVariable} or ${definition.arnEnvironmentVariable}`);
  let pending: Promise<string> | undefined;
  return () => {
    pending ??= new SecretsManagerClient({ maxAttempts: 3 })
      .send(new GetSecretValueCommand({ SecretId: secretArn }))
      .then(({ SecretString }) => {
        if (SecretString === undefined || SecretString === '') throw new Error(`Secret ${name} has no value`);
        return SecretString;
      })
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
    return pending;
  };
}
