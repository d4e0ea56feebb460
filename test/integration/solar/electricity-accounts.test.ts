/**
 * SEC electricity accounts and solar estimates against DynamoDB Local, moto KMS and the SEC simulator over HTTP:
 * one link per account number under concurrency, the number kept only as ciphertext and blind index, an import
 * settled once whatever the deliveries, and an estimate that becomes its account's latest.
 */
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecSimulator } from '../../../lib/local/simulators/sec-simulator.ts';
import type { RunningSimulator } from '../../../lib/local/simulators/http-simulator.ts';
import { DynamoDbCustomerStore } from '../../../shared/customers/adapters/customer-store.ts';
import { registerCustomer, type CustomerDeps } from '../../../shared/customers/app/customers.ts';
import { DynamoDbIdentityStore } from '../../../shared/identity/adapters/identity-store.ts';
import type { NafathClient } from '../../../shared/identity/app/ports.ts';
import { recordNafathOutcome, startNafathSession, type SignInDeps } from '../../../shared/identity/app/sign-in-with-nafath.ts';
import { systemClock, ulidGenerator } from '../../../shared/kernel/clock-and-ids.ts';
import { KmsBlindIndexer } from '../../../shared/kernel/crypto/blind-indexer.ts';
import { createKmsClient } from '../../../shared/kernel/crypto/kms-client.ts';
import { KmsPersonalDataCipher } from '../../../shared/kernel/crypto/personal-data-cipher.ts';
import { APPLICATION_KEYS } from '../../../shared/kernel/deployment/kms-keys.ts';
import { RabhanError } from '../../../shared/kernel/errors/rabhan-error.ts';
import { buildEventEnvelope } from '../../../shared/kernel/messaging/event-envelope.ts';
import { SOLAR_EVENTS } from '../../../shared/solar/api/events.ts';
import { DEFAULT_GOVERNMENT_RETRY_POLICY } from '../../../shared/kernel/messaging/government-call.ts';
import { DEFAULT_LENDING_POLICY } from '../../../shared/kernel/policy.ts';
import { createDocumentClient } from '../../../shared/kernel/storage/document-client.ts';
import { DynamoDbElectricityAccountStore } from '../../../shared/solar/adapters/electricity-account-store.ts';
import { DynamoDbSolarEstimateStore } from '../../../shared/solar/adapters/estimate-store.ts';
import { HttpSecConsumptionClient } from '../../../shared/solar/adapters/sec-client.ts';
import { getElectricityAccount, importElectricityConsumption, linkElectricityAccount, type ImportConsumptionDeps } from '../../../shared/solar/app/electricity-accounts.ts';
import { createSolarEstimate } from '../../../shared/solar/app/estimates.ts';
import { DEFAULT_SOLAR_ESTIMATE_POLICY } from '../../../shared/solar/domain/estimate-policy.ts';
import { randomNationalId } from '../../support/national-ids.ts';
import { provisionTestPlatform } from '../../support/provisioned-platform.ts';

const details = {
  fullName: { ar: 'سارة العتيبي', en: 'Sara Al-Otaibi' },
  phone: '+966512345670',
  email: 'sara.solar@example.sa',
  dateOfBirth: '1991-02-03',
  city: 'Riyadh',
  preferredLanguage: 'en' as const,
};
const ordinaryAccountNumber = (): string => `300${String(randomInt(1_000, 100_000_000)).padStart(8, '0')}`;

let tableName: string;
let sec: RunningSimulator;
let customerDeps: CustomerDeps;
let linkDeps: Parameters<typeof linkElectricityAccount>[1];
let importDeps: ImportConsumptionDeps;
let accountStore: DynamoDbElectricityAccountStore;
let estimateStore: DynamoDbSolarEstimateStore;

/** NAFATH itself is outside this test: a fake stands in for the government service, not for our storage. */
const approvingNafath: NafathClient = { requestLogin: async () => ({ transactionId: ulidGenerator.newId(), randomNumber: '42' }) };
let signInDeps: SignInDeps;

/** A registered customer, signed in through the real NAFATH session flow first, as registration requires. */
async function registeredCustomer(): Promise<{ principalId: string; roles: ['customer'] }> {
  const started = await startNafathSession({ nationalId: randomNationalId(), clientAddress: `10.1.0.${randomInt(1, 250)}` }, signInDeps);
  const session = await signInDeps.identityStore.findSession(started.sessionId);
  await recordNafathOutcome({ callbackId: ulidGenerator.newId(), transactionId: session!.transactionId, status: 'COMPLETED', decidedAt: new Date(), correlationId: 'it' }, signInDeps);
  const principal = { principalId: session!.principalId, roles: ['customer'] as ['customer'] };
  await registerCustomer({ principal, details, correlationId: 'it' }, customerDeps);
  return principal;
}

beforeAll(async () => {
  const resources = await provisionTestPlatform();
  tableName = resources.tableName;
  sec = await startSecSimulator();
  const documentClient = createDocumentClient();
  const kms = createKmsClient();
  const cipher = new KmsPersonalDataCipher(resources.keyEnvironment[APPLICATION_KEYS.personalData.environmentVariable]!, tableName);
  const blindIndexer = new KmsBlindIndexer(kms, resources.keyEnvironment[APPLICATION_KEYS.blindIndex.environmentVariable]!);
  const customerStore = new DynamoDbCustomerStore(documentClient, tableName);
  accountStore = new DynamoDbElectricityAccountStore(documentClient, tableName);
  estimateStore = new DynamoDbSolarEstimateStore(documentClient, tableName);
  const identityStore = new DynamoDbIdentityStore(documentClient, tableName);
  customerDeps = { customerStore, identityStore, cipher, clock: systemClock, ids: ulidGenerator, policy: DEFAULT_LENDING_POLICY };
  signInDeps = { identityStore, nafath: approvingNafath, blindIndexer, cipher, clock: systemClock, ids: ulidGenerator, limits: { attemptsPerNationalId: 3, attemptsPerClient: 1_000, windowSeconds: 600 } };
  linkDeps = { customerStore, accountStore, cipher, blindIndexer, clock: systemClock, ids: ulidGenerator };
  importDeps = { accountStore, cipher, sec: new HttpSecConsumptionClient(sec.baseUrl), clock: systemClock, ids: ulidGenerator, retry: DEFAULT_GOVERNMENT_RETRY_POLICY, sleep: async () => undefined };
});

afterAll(async () => {
  await sec?.stop();
});

describe('linking an SEC electricity account', () => {
  it('links one account number once per customer, even when the same number is linked concurrently', async () => {
    const principal = await registeredCustomer();
    const secAccountNumber = ordinaryAccountNumber();

    const attempts = await Promise.allSettled(Array.from({ length: 6 }, () => linkElectricityAccount({ principal, secAccountNumber, cityId: 'riyadh', consent: true, correlationId: 'it' }, linkDeps)));

    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    const refusals = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected');
    expect(refusals.every((refusal) => refusal.reason instanceof RabhanError && ['ELECTRICITY_ACCOUNT_ALREADY_LINKED', 'CONCURRENT_UPDATE'].includes(refusal.reason.code))).toBe(true);
  });

  it('lets two customers link the same home, each under their own consent', async () => {
    const secAccountNumber = ordinaryAccountNumber();
    for (const principal of [await registeredCustomer(), await registeredCustomer()]) {
      await expect(linkElectricityAccount({ principal, secAccountNumber, cityId: 'jeddah', consent: true, correlationId: 'it' }, linkDeps)).resolves.toMatchObject({ status: 'PENDING' });
    }
  });

  it('keeps the account number only as ciphertext and blind index: in no item and no outbox event', async () => {
    const principal = await registeredCustomer();
    const secAccountNumber = ordinaryAccountNumber();
    const account = await linkElectricityAccount({ principal, secAccountNumber, cityId: 'riyadh', consent: true, correlationId: 'it' }, linkDeps);
    await importElectricityConsumption({ accountId: account.accountId, customerId: principal.principalId, correlationId: 'it', isFinalDelivery: false }, importDeps);

    const { Items = [] } = await new DynamoDBClient({}).send(new ScanCommand({ TableName: tableName }));
    const rawTable = JSON.stringify(Items);
    expect(rawTable).toContain(account.accountId);
    expect(rawTable).toContain('Electricity Consumption Imported');
    expect(rawTable).not.toContain(secAccountNumber);
  });
});

describe('importing consumption from SEC', () => {
  it('settles an import once: a duplicate delivery calls SEC no more, and a late failure changes nothing', async () => {
    const principal = await registeredCustomer();
    const account = await linkElectricityAccount({ principal, secAccountNumber: ordinaryAccountNumber(), cityId: 'riyadh', consent: true, correlationId: 'it' }, linkDeps);
    let secCalls = 0;
    const countingDeps: ImportConsumptionDeps = { ...importDeps, sec: { fetchConsumption: (...args) => ((secCalls += 1), importDeps.sec.fetchConsumption(...args)) } };
    const command = { accountId: account.accountId, customerId: principal.principalId, correlationId: 'it', isFinalDelivery: false };

    expect(await importElectricityConsumption(command, countingDeps)).toBe('imported');
    expect(await importElectricityConsumption(command, countingDeps)).toBe('already-imported');
    const imported = await accountStore.findAccount(principal.principalId, account.accountId);
    const failedAt = new Date();
    const lateFailure = await accountStore.recordImportFailure(
      imported!,
      { failureReason: 'SEC_TIMEOUT', failedAt },
      buildEventEnvelope(SOLAR_EVENTS.electricityConsumptionImportFailed, { accountId: account.accountId, customerId: principal.principalId, reasonCode: 'SEC_TIMEOUT', failedAt: failedAt.toISOString() }, { eventId: ulidGenerator.newId(), occurredAt: failedAt, correlationId: 'it' }),
    );

    expect(secCalls).toBe(1);
    expect(lateFailure).toBe(false);
    const after = await accountStore.findAccount(principal.principalId, account.accountId);
    expect(after).toMatchObject({ status: 'IMPORTED', failureReason: undefined });
    expect(after?.months).toHaveLength(12);
  });

  it('settles a number SEC does not know as FAILED at once and dead-letters it', async () => {
    const principal = await registeredCustomer();
    const account = await linkElectricityAccount({ principal, secAccountNumber: '30000000404', cityId: 'riyadh', consent: true, correlationId: 'it' }, linkDeps);
    const command = { accountId: account.accountId, customerId: principal.principalId, correlationId: 'it', isFinalDelivery: false };

    await expect(importElectricityConsumption(command, importDeps)).rejects.toMatchObject({ name: 'PermanentImportFailure', reasonCode: 'SEC_ACCOUNT_NOT_FOUND' });
    expect(await accountStore.findAccount(principal.principalId, account.accountId)).toMatchObject({ status: 'FAILED', failureReason: 'SEC_ACCOUNT_NOT_FOUND' });
  });
});

describe('estimating from an imported account', () => {
  it('records the estimate as its account latest, which the suitability score then reads', async () => {
    const principal = await registeredCustomer();
    const account = await linkElectricityAccount({ principal, secAccountNumber: ordinaryAccountNumber(), cityId: 'riyadh', consent: true, correlationId: 'it' }, linkDeps);
    await importElectricityConsumption({ accountId: account.accountId, customerId: principal.principalId, correlationId: 'it', isFinalDelivery: false }, importDeps);

    const estimate = await createSolarEstimate(
      { principal, request: { cityId: 'riyadh', electricityAccountId: account.accountId, roofAreaSquareMeters: 30 } },
      { estimateStore, clock: systemClock, ids: ulidGenerator, solar: DEFAULT_SOLAR_ESTIMATE_POLICY, lending: DEFAULT_LENDING_POLICY },
    );
    const reading = await getElectricityAccount({ principal, accountId: account.accountId }, { accountStore, solar: DEFAULT_SOLAR_ESTIMATE_POLICY });

    expect(reading.account.latestEstimate).toMatchObject({ estimateId: estimate.estimateId, recommendedWatts: estimate.figures.system.recommendedWatts });
    expect(reading.suitability?.reasons.map((reason) => reason.code)).toContain('ROOF_ADEQUACY');
    expect(await estimateStore.findEstimate(principal.principalId, estimate.estimateId!)).toMatchObject({ estimateId: estimate.estimateId, figures: estimate.figures });
  });
});
