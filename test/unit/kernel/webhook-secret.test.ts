import { describe, expect, it } from 'vitest';
import { webhookSecretLoader } from '../../../shared/kernel/crypto/webhook-secret.ts';
import { MissingConfigurationError } from '../../../shared/kernel/config/environment.ts';

describe('webhook secrets', () => {
  it('come from the plain variable when it is set, without calling Secrets Manager', async () => {
    const load = webhookSecretLoader('nafathCallback', { NAFATH_CALLBACK_SECRET: 's3cret' });
    await expect(load()).resolves.toBe('s3cret');
  });

  it('fail at load when neither the value nor its Secrets Manager ARN is configured', () => {
    expect(() => webhookSecretLoader('paymentWebhook', {})).toThrow(MissingConfigurationError);
  });
});
