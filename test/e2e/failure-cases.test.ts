/**
 * The documented bad-input, security and failure cases of sign-in and credit assessment, over HTTP against the
 * local runtime and its simulators.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../lib/local/runtime.ts';
import { TEST_IDENTITIES } from '../../lib/local/simulators/test-identities.ts';
import { keys } from '../../shared/catalog/keys.ts';
import { signCallback } from '../../shared/kernel/crypto/callback-signature.ts';
import { apiClient } from '../support/api-client.ts';
import { REGISTRATION } from '../support/customer-setup.ts';
import { eventually } from '../support/eventually.ts';
import { startTestRuntime } from '../support/local-runtime.ts';
import { signIn } from '../support/sign-in.ts';

describe('sign-in and credit assessment failure cases', () => {
  let runtime: LocalRuntime;

  beforeAll(async () => {
    runtime = await startTestRuntime();
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  async function sessionOutcome(nationalId: string): Promise<string> {
    const api = apiClient(runtime.baseUrl);
    const started = await api.call<{ sessionId: string; pollToken: string }>('POST', '/v1/auth/nafath/sessions', { body: { nationalId } });
    return eventually(async () => {
      const polled = await api.call<{ status: string }>('GET', `/v1/auth/nafath/sessions/${started.body.sessionId}`, { headers: { 'x-poll-token': started.body.pollToken } });
      return polled.body.status === 'WAITING' ? undefined : polled.body.status;
    });
  }

  it('reports a NAFATH rejection and expiry without handing out tokens', async () => {
    expect(await sessionOutcome(TEST_IDENTITIES.nafathRejects.nationalId)).toBe('REJECTED');
    expect(await sessionOutcome(TEST_IDENTITIES.nafathExpires.nationalId)).toBe('EXPIRED');
  });

  it('answers 503 IDENTITY_SERVICE_UNAVAILABLE when NAFATH fails, answers garbage or times out', async () => {
    const api = apiClient(runtime.baseUrl);
    for (const identity of [TEST_IDENTITIES.nafathServerError, TEST_IDENTITIES.nafathGarbage, TEST_IDENTITIES.nafathTimesOut]) {
      const response = await api.call<{ error: { code: string; message: string } }>('POST', '/v1/auth/nafath/sessions', { body: { nationalId: identity.nationalId } });
      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe('IDENTITY_SERVICE_UNAVAILABLE');
      expect(response.headers.get('retry-after')).not.toBeNull();
      expect(JSON.stringify(response.body)).not.toContain(identity.nationalId);
    }
  });

  it('treats a wrong poll token exactly like an unknown session', async () => {
    const api = apiClient(runtime.baseUrl);
    const started = await api.call<{ sessionId: string }>('POST', '/v1/auth/nafath/sessions', { body: { nationalId: TEST_IDENTITIES.nafathExpires.nationalId } });
    const wrongToken = await api.call<{ error: { code: string } }>('GET', `/v1/auth/nafath/sessions/${started.body.sessionId}`, { headers: { 'x-poll-token': 'guess' } });
    const missingToken = await api.call('GET', `/v1/auth/nafath/sessions/${started.body.sessionId}`);
    expect(wrongToken.status).toBe(404);
    expect(wrongToken.body.error.code).toBe('NAFATH_SESSION_NOT_FOUND');
    expect(missingToken.status).toBe(404);
  });

  it('refuses a NAFATH callback with a bad signature, a stale timestamp or an unknown transaction', async () => {
    const body = JSON.stringify({ callbackId: 'cb-1', transId: 'unknown-transaction', status: 'COMPLETED', occurredAt: new Date().toISOString() });
    const nowSeconds = Math.floor(Date.now() / 1000);
    const post = (headers: Record<string, string>) =>
      fetch(`${runtime.baseUrl}/v1/integrations/nafath/callback`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

    const forged = await post({ 'x-nafath-timestamp': String(nowSeconds), 'x-nafath-signature': signCallback('not-the-secret', nowSeconds, body) });
    const stale = await post({ 'x-nafath-timestamp': String(nowSeconds - 3_600), 'x-nafath-signature': signCallback(process.env.NAFATH_CALLBACK_SECRET!, nowSeconds - 3_600, body) });
    const unknown = await post({ 'x-nafath-timestamp': String(nowSeconds), 'x-nafath-signature': signCallback(process.env.NAFATH_CALLBACK_SECRET!, nowSeconds, body) });

    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    expect(unknown.status).toBe(404);
  });

  it('assesses a customer with defaults as HIGH risk with no financing', async () => {
    const completed = await assessment(TEST_IDENTITIES.simahHighRisk.nationalId);
    expect(completed).toMatchObject({ status: 'COMPLETED', riskCategory: 'HIGH', maximumFinancingHalalas: 0 });
  });

  it('completes after a transient SIMAH 5xx, retried within the delivery', async () => {
    expect(await assessment(TEST_IDENTITIES.simahServerErrorOnce.nationalId)).toMatchObject({ status: 'COMPLETED' });
  });

  it('fails a malformed SIMAH reply at once with its reason and dead-letters the message', async () => {
    const failed = await assessment(TEST_IDENTITIES.simahGarbage.nationalId);
    expect(failed).toMatchObject({ status: 'FAILED', failureReason: 'SIMAH_MALFORMED_RESPONSE' });
    const { SQSClient, ReceiveMessageCommand } = await import('@aws-sdk/client-sqs');
    const simahQueue = runtime.resources.queues.find((queue) => queue.integration.id === 'simah-credit-assessment')!;
    const deadLettered = await eventually(async () => {
      const { Messages = [] } = await new SQSClient({}).send(new ReceiveMessageCommand({ QueueUrl: simahQueue.deadLetterQueueUrl, WaitTimeSeconds: 1, MessageAttributeNames: ['All'] }));
      return Messages[0];
    });
    expect(deadLettered.MessageAttributes?.deadLetterReason?.StringValue).toBe('SIMAH_MALFORMED_RESPONSE');
  });

  it('moves the messages in the DLQ back to their queue with the redrive command, without looping on ones that fail again', async () => {
    const { SQSClient, SendMessageCommand, GetQueueAttributesCommand } = await import('@aws-sdk/client-sqs');
    const { redriveDeadLetters } = await import('../../shared/kernel/messaging/redrive.ts');
    const sqs = new SQSClient({});
    const simahQueue = runtime.resources.queues.find((queue) => queue.integration.id === 'simah-credit-assessment')!;
    const failed = await assessment(TEST_IDENTITIES.simahGarbage.nationalId);
    // Let the poison message reach the DLQ, then drain anything already there into a known state.
    await eventually(async () => {
      const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: simahQueue.deadLetterQueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
      return Number(Attributes?.ApproximateNumberOfMessages) > 0 ? true : undefined;
    });
    await sqs.send(new SendMessageCommand({ QueueUrl: simahQueue.deadLetterQueueUrl, MessageBody: 'not an event' }));

    const { movedCount, notMovedCount } = await redriveDeadLetters(sqs, simahQueue.queueUrl);

    expect(movedCount).toBeGreaterThanOrEqual(2);
    expect(notMovedCount).toBe(0);
    expect(failed).toMatchObject({ status: 'FAILED' });
  });

  it('lets ops see a customer only masked, and records the view in the audit trail', async () => {
    const api = apiClient(runtime.baseUrl);
    const customerTokens = await signIn(runtime.baseUrl, '1000000149');
    const registered = await api.call<{ customerId: string }>('POST', '/v1/customers', { token: customerTokens.accessToken, body: REGISTRATION });
    const ops = await signIn(runtime.baseUrl, TEST_IDENTITIES.opsStaff.nationalId);

    const viewed = await api.call<Record<string, unknown>>('GET', `/v1/customers/${registered.body.customerId}?reason=ticket-42`, { token: ops.accessToken });

    expect(viewed.status).toBe(200);
    expect(viewed.body).toMatchObject({ nationalId: '******0149', phone: '+9665*****678', dateOfBirth: '1990-**-**' });
    expect(JSON.stringify(viewed.body)).not.toContain('Layla');
    const { DynamoDBDocumentClient, QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const { Items = [] } = await DynamoDBDocumentClient.from(new DynamoDBClient({})).send(
      new QueryCommand({
        TableName: runtime.resources.tableName,
        KeyConditionExpression: 'PK = :chain',
        ExpressionAttributeValues: { ':chain': keys.auditChain(keys.customer(registered.body.customerId).PK) },
      }),
    );
    expect(Items.map((item) => item.action)).toEqual(['CUSTOMER_REGISTERED', 'CUSTOMER_VIEWED_BY_STAFF']);
  });

  async function assessment(nationalId: string): Promise<Record<string, unknown>> {
    const api = apiClient(runtime.baseUrl);
    const tokens = await signIn(runtime.baseUrl, nationalId);
    await api.call('POST', '/v1/customers', { token: tokens.accessToken, body: REGISTRATION });
    const requested = await api.call<{ assessmentId: string }>('POST', '/v1/customers/me/credit-assessments', { token: tokens.accessToken, body: { consent: true } });
    return eventually(async () => {
      const polled = await api.call<{ status: string }>('GET', `/v1/customers/me/credit-assessments/${requested.body.assessmentId}`, { token: tokens.accessToken });
      return polled.body.status === 'PENDING' ? undefined : polled.body;
    });
  }
});
