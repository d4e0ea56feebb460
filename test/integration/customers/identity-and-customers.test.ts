/**
 * Persistence of sign-in and customers against DynamoDB Local and moto KMS: uniqueness under concurrency, token
 * rotation with reuse detection, rate limits, and personal data encrypted at rest and absent from logs.
 */
import { ScanCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbCustomerStore } from '../../../shared/customers/adapters/customer-store.ts';
import { createDocumentClient } from '../../../shared/kernel/storage/document-client.ts';
import { DynamoDbIdentityStore } from '../../../shared/identity/adapters/identity-store.ts';
import { keys } from '../../../shared/catalog/keys.ts';
import { KmsBlindIndexer } from '../../../shared/kernel/crypto/blind-indexer.ts';
import { createKmsClient } from '../../../shared/kernel/crypto/kms-client.ts';
import { KmsAccessTokenSigner } from '../../../shared/identity/adapters/kms-token-signer.ts';
import { KmsPersonalDataCipher } from '../../../shared/kernel/crypto/personal-data-cipher.ts';
import { DEFAULT_LENDING_POLICY } from '../../../shared/kernel/policy.ts';
import { RabhanError } from '../../../shared/kernel/errors/rabhan-error.ts';
import { buildEventEnvelope } from '../../../shared/kernel/messaging/event-envelope.ts';
import { EVENT_TYPES } from '../../../shared/catalog/events.ts';
import { systemClock, ulidGenerator } from '../../../shared/kernel/clock-and-ids.ts';
import { APPLICATION_KEYS } from '../../../shared/kernel/deployment/kms-keys.ts';
import { refreshTokens } from '../../../shared/identity/app/refresh-tokens.ts';
import { NAFATH_CLOCK_SKEW_SECONDS, NAFATH_LATE_DELIVERY_SECONDS, pollNafathSession, recordNafathOutcome, startNafathSession, type SignInDeps } from '../../../shared/identity/app/sign-in-with-nafath.ts';
import type { TokenDeps } from '../../../shared/identity/app/token-issuer.ts';
import { requestCreditAssessment } from '../../../shared/credit/app/credit-assessment.ts';
import type { CreditAssessment } from '../../../shared/credit/domain/assessment.ts';
import { DynamoDbAssessmentStore } from '../../../shared/credit/adapters/assessment-store.ts';
import { registerCustomer, type CustomerDeps } from '../../../shared/customers/app/customers.ts';
import type { NafathClient } from '../../../shared/identity/app/ports.ts';
import { randomNationalId } from '../../support/national-ids.ts';
import { provisionTestPlatform } from '../../support/provisioned-platform.ts';

/** NAFATH itself is outside this test: a fake stands in for the government service, not for our storage. */
const approvingNafath: NafathClient = { requestLogin: async () => ({ transactionId: ulidGenerator.newId(), randomNumber: '42' }) };

const details = {
  fullName: { ar: 'ليلى الحربي', en: 'Layla Al-Harbi' },
  phone: '+966512345678',
  email: 'layla.integration@example.sa',
  dateOfBirth: '1990-05-01',
  city: 'Riyadh',
  preferredLanguage: 'ar' as const,
};

let tableName: string;
let signInDeps: SignInDeps;
let tokenDeps: TokenDeps;
let customerDeps: CustomerDeps & { readonly assessmentStore: DynamoDbAssessmentStore };

async function verifiedPerson(nationalId = randomNationalId()) {
  const started = await startNafathSession({ nationalId, clientAddress: `10.0.0.${Math.floor(Math.random() * 250)}` }, signInDeps);
  const session = await signInDeps.identityStore.findSession(started.sessionId);
  await recordNafathOutcome({ callbackId: ulidGenerator.newId(), transactionId: session!.transactionId, status: 'COMPLETED', decidedAt: new Date(), correlationId: 'it' }, signInDeps);
  const view = await pollNafathSession({ sessionId: started.sessionId, pollToken: started.pollToken }, { ...tokenDeps, identityStore: signInDeps.identityStore });
  return { nationalId, principalId: session!.principalId, tokens: view.tokens! };
}

beforeAll(async () => {
  const resources = await provisionTestPlatform();
  tableName = resources.tableName;
  const documentClient = createDocumentClient();
  const kms = createKmsClient();
  const identityStore = new DynamoDbIdentityStore(documentClient, tableName);
  const cipher = new KmsPersonalDataCipher(resources.keyEnvironment[APPLICATION_KEYS.personalData.environmentVariable]!, tableName);
  signInDeps = {
    identityStore,
    nafath: approvingNafath,
    blindIndexer: new KmsBlindIndexer(kms, resources.keyEnvironment[APPLICATION_KEYS.blindIndex.environmentVariable]!),
    cipher,
    clock: systemClock,
    ids: ulidGenerator,
    limits: { attemptsPerNationalId: 3, attemptsPerClient: 1_000, windowSeconds: 600 },
  };
  tokenDeps = {
    signer: new KmsAccessTokenSigner(kms, resources.keyEnvironment[APPLICATION_KEYS.tokenSigning.environmentVariable]!),
    clock: systemClock,
    ids: ulidGenerator,
    issuer: 'https://test.rabhan.sa',
  };
  customerDeps = { customerStore: new DynamoDbCustomerStore(documentClient, tableName), assessmentStore: new DynamoDbAssessmentStore(documentClient, tableName), identityStore, cipher, clock: systemClock, ids: ulidGenerator, policy: DEFAULT_LENDING_POLICY };
});

const originalWrite = process.stdout.write.bind(process.stdout);
afterEach(() => {
  process.stdout.write = originalWrite;
});

describe('customer registration', () => {
  it('creates exactly one customer when the same person registers concurrently', async () => {
    const person = await verifiedPerson();
    const principal = { principalId: person.principalId, roles: ['customer' as const] };

    const attempts = await Promise.allSettled(Array.from({ length: 10 }, () => registerCustomer({ principal, details, correlationId: 'it' }, customerDeps)));

    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    const refusals = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected');
    expect(refusals.every((refusal) => refusal.reason instanceof RabhanError && ['CUSTOMER_ALREADY_REGISTERED', 'CONCURRENT_UPDATE'].includes(refusal.reason.code))).toBe(true);
  });

  it('stores no personal value in plaintext and logs none', async () => {
    const written: string[] = [];
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    const person = await verifiedPerson();
    await registerCustomer({ principal: { principalId: person.principalId, roles: ['customer'] }, details, correlationId: 'it' }, customerDeps);
    process.stdout.write = originalWrite;

    const { Items = [] } = await new DynamoDBClient({}).send(new ScanCommand({ TableName: tableName }));
    const rawTable = JSON.stringify(Items);
    const logs = written.join('');
    for (const personalValue of [person.nationalId, details.fullName.ar, details.fullName.en, details.phone, '512345678', details.email, details.dateOfBirth]) {
      expect(rawTable).not.toContain(personalValue);
      expect(logs).not.toContain(personalValue);
    }
    expect(rawTable).toContain('fullNameEnCiphertext');
  });

  it('decrypts a field only with the entity and field it was encrypted for', async () => {
    const ciphertext = await customerDeps.cipher.encrypt('CUSTOMER-A', 'email', 'a@example.sa');

    await expect(customerDeps.cipher.decrypt('CUSTOMER-A', 'email', ciphertext)).resolves.toBe('a@example.sa');
    await expect(customerDeps.cipher.decrypt('CUSTOMER-B', 'email', ciphertext)).rejects.toThrow();
    await expect(customerDeps.cipher.decrypt('CUSTOMER-A', 'phone', ciphertext)).rejects.toThrow();
  });
});

describe('refresh tokens', () => {
  it('rotate on use, and reusing an old one revokes the whole family', async () => {
    const { tokens } = await verifiedPerson();
    const deps = { ...tokenDeps, identityStore: signInDeps.identityStore };

    const rotated = await refreshTokens({ refreshToken: tokens.refreshToken }, deps);
    expect(rotated.refreshToken).not.toBe(tokens.refreshToken);

    await expect(refreshTokens({ refreshToken: tokens.refreshToken }, deps)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
    await expect(refreshTokens({ refreshToken: rotated.refreshToken }, deps)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });

  it('let only one of two concurrent uses of the same token succeed', async () => {
    const { tokens } = await verifiedPerson();
    const deps = { ...tokenDeps, identityStore: signInDeps.identityStore };

    const results = await Promise.allSettled([refreshTokens({ refreshToken: tokens.refreshToken }, deps), refreshTokens({ refreshToken: tokens.refreshToken }, deps)]);

    expect(results.filter((result) => result.status === 'fulfilled').length).toBeLessThanOrEqual(1);
  });
});

describe('sign-in', () => {
  it('hands out tokens only on the first poll after approval', async () => {
    const nationalId = randomNationalId();
    const started = await startNafathSession({ nationalId, clientAddress: '10.1.1.1' }, signInDeps);
    const session = await signInDeps.identityStore.findSession(started.sessionId);
    await recordNafathOutcome({ callbackId: ulidGenerator.newId(), transactionId: session!.transactionId, status: 'COMPLETED', decidedAt: new Date(), correlationId: 'it' }, signInDeps);
    const pollDeps = { ...tokenDeps, identityStore: signInDeps.identityStore };

    const polls = await Promise.all(Array.from({ length: 5 }, () => pollNafathSession({ sessionId: started.sessionId, pollToken: started.pollToken }, pollDeps)));

    expect(polls.filter((poll) => poll.tokens !== undefined)).toHaveLength(1);
  });

  it('records an approval given after the session expired as EXPIRED, and hands out no tokens', async () => {
    const started = await startNafathSession({ nationalId: randomNationalId(), clientAddress: '10.1.1.3' }, signInDeps);
    const session = await signInDeps.identityStore.findSession(started.sessionId);
    const afterExpiry = { now: () => new Date(session!.expiresAt.getTime() + (NAFATH_CLOCK_SKEW_SECONDS + 1) * 1000) };

    await recordNafathOutcome(
      { callbackId: ulidGenerator.newId(), transactionId: session!.transactionId, status: 'COMPLETED', decidedAt: afterExpiry.now(), correlationId: 'it' },
      { ...signInDeps, clock: afterExpiry },
    );

    const poll = await pollNafathSession({ sessionId: started.sessionId, pollToken: started.pollToken }, { ...tokenDeps, identityStore: signInDeps.identityStore });
    expect(poll).toEqual({ sessionId: started.sessionId, status: 'EXPIRED' });
  });

  it('accepts an approval given in time but delivered late after a retry, though not one delivered after the late window', async () => {
    const pollDeps = { ...tokenDeps, identityStore: signInDeps.identityStore };
    const approveLate = async (deliveredAfterExpirySeconds: number) => {
      const started = await startNafathSession({ nationalId: randomNationalId(), clientAddress: '10.1.1.4' }, signInDeps);
      const session = await signInDeps.identityStore.findSession(started.sessionId);
      const deliveredAt = { now: () => new Date(session!.expiresAt.getTime() + deliveredAfterExpirySeconds * 1000) };
      const decidedInTime = new Date(session!.expiresAt.getTime() - 10_000);
      await recordNafathOutcome({ callbackId: ulidGenerator.newId(), transactionId: session!.transactionId, status: 'COMPLETED', decidedAt: decidedInTime, correlationId: 'it' }, { ...signInDeps, clock: deliveredAt });
      return pollNafathSession({ sessionId: started.sessionId, pollToken: started.pollToken }, pollDeps);
    };

    const retried = await approveLate(120);
    const tooLate = await approveLate(NAFATH_LATE_DELIVERY_SECONDS + 60);

    expect(retried.status).toBe('COMPLETED');
    expect(retried.tokens).toBeDefined();
    expect(tooLate).toMatchObject({ status: 'EXPIRED' });
  });

  it('refuses a replayed callback and a callback for a session already decided', async () => {
    const started = await startNafathSession({ nationalId: randomNationalId(), clientAddress: '10.1.1.2' }, signInDeps);
    const session = await signInDeps.identityStore.findSession(started.sessionId);
    const callback = { callbackId: ulidGenerator.newId(), transactionId: session!.transactionId, status: 'REJECTED' as const, decidedAt: new Date(), correlationId: 'it' };
    await recordNafathOutcome(callback, signInDeps);

    await expect(recordNafathOutcome(callback, signInDeps)).rejects.toMatchObject({ code: 'CALLBACK_REPLAYED' });
    await expect(recordNafathOutcome({ ...callback, callbackId: ulidGenerator.newId(), status: 'COMPLETED' }, signInDeps)).rejects.toMatchObject({ code: 'CALLBACK_REPLAYED' });
  });

  it('limits sign-in attempts per client address across different national IDs', async () => {
    const strict = { ...signInDeps, limits: { attemptsPerNationalId: 100, attemptsPerClient: 2, windowSeconds: 600 } };
    const clientAddress = `10.3.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    await startNafathSession({ nationalId: randomNationalId(), clientAddress }, strict);
    await startNafathSession({ nationalId: randomNationalId(), clientAddress }, strict);

    const refusal = await startNafathSession({ nationalId: randomNationalId(), clientAddress }, strict).catch((error: unknown) => error);

    expect((refusal as RabhanError).code).toBe('RATE_LIMITED');
  });

  it('limits sign-in attempts per national ID and says when to retry', async () => {
    const nationalId = randomNationalId();
    for (let attempt = 0; attempt < 3; attempt += 1) await startNafathSession({ nationalId, clientAddress: `10.2.0.${attempt}` }, signInDeps);

    const refusal = await startNafathSession({ nationalId, clientAddress: '10.2.0.9' }, signInDeps).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(RabhanError);
    expect((refusal as RabhanError).code).toBe('RATE_LIMITED');
    expect(Number((refusal as RabhanError).headers['Retry-After'])).toBeGreaterThan(0);
  });
});

describe("a customer's latest credit assessment", () => {
  const settle = (assessment: CreditAssessment, outcome: Partial<CreditAssessment>) => {
    const settled = { ...assessment, completedAt: new Date(), ...outcome };
    const facts = { eventId: ulidGenerator.newId(), occurredAt: settled.completedAt, correlationId: 'it' };
    const { assessmentId, customerId } = settled;
    const event =
      settled.status === 'COMPLETED'
        ? buildEventEnvelope(EVENT_TYPES.creditAssessmentCompleted, { assessmentId, customerId, riskCategory: settled.riskCategory!, maximumFinancingHalalas: settled.maximumFinancingHalalas!, completedAt: settled.completedAt.toISOString() }, facts)
        : buildEventEnvelope(EVENT_TYPES.creditAssessmentFailed, { assessmentId, customerId, reasonCode: settled.failureReason!, failedAt: settled.completedAt.toISOString() }, facts);
    return customerDeps.assessmentStore.settleAssessment(settled, event);
  };
  const latestOf = async (customerId: string) =>
    (await createDocumentClient().send(new GetCommand({ TableName: tableName, Key: keys.customer(customerId) }))).Item?.latestAssessment as { assessmentId: string; status: string } | undefined;

  it('is the newest completed result, whatever order deliveries settle in, and is never replaced by a failure', async () => {
    const person = await verifiedPerson();
    const principal = { principalId: person.principalId, roles: ['customer' as const] };
    await registerCustomer({ principal, details, correlationId: 'it' }, customerDeps);
    const request = () => requestCreditAssessment({ principal, consent: true, correlationId: 'it' }, customerDeps);
    const older = await request();
    const newer = await request();
    const newest = await request();

    await settle(newer, { status: 'COMPLETED', score: 620, grade: 'C', riskCategory: 'MEDIUM', maximumFinancingHalalas: 250_000 });
    await settle(older, { status: 'COMPLETED', score: 760, grade: 'A', riskCategory: 'LOW', maximumFinancingHalalas: 500_000 });
    await settle(newest, { status: 'FAILED', failureReason: 'SIMAH_UNAVAILABLE' });

    // The completion time travels with the summary, so offers can refuse an assessment past its validity period.
    expect(await latestOf(person.principalId)).toMatchObject({ assessmentId: newer.assessmentId, status: 'COMPLETED', riskCategory: 'MEDIUM', completedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(await customerDeps.assessmentStore.findAssessment(person.principalId, older.assessmentId)).toMatchObject({ status: 'COMPLETED' });
    expect(await customerDeps.assessmentStore.findAssessment(person.principalId, newest.assessmentId)).toMatchObject({ status: 'FAILED' });
  });
});
