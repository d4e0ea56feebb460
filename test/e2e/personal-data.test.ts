/**
 * Personal data never leaves its encrypted fields: one journey through every layer (HTTP, authorizer, handlers,
 * outbox, bus, queues, the SIMAH and SEC workers, the gateway webhook), with every log line captured at DEBUG, and then the
 * logs, every table item (outbox events included), the tokens and the error bodies are searched for the values.
 */
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../lib/local/runtime.ts';
import { TEST_IDENTITIES } from '../../lib/local/simulators/test-identities.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';
import { apiClient } from '../support/api-client.ts';
import { eventually } from '../support/eventually.ts';
import { startTestRuntime } from '../support/local-runtime.ts';
import { randomNationalId } from '../support/national-ids.ts';
import { signIn } from '../support/sign-in.ts';
import { validSaudiIban } from '../support/iban.ts';

const nationalId = randomNationalId();
const person = {
  fullName: { ar: 'نورة القحطاني', en: 'Noura Al-Qahtani' },
  phone: '0598765432',
  email: 'noura.personal-data@example.sa',
  dateOfBirth: '1988-11-23',
  city: 'Dammam',
  preferredLanguage: 'ar',
} as const;
const newContact = { phone: '0587654321', email: 'noura.new@example.sa' };
/** An SEC account number identifies a home: a random ordinary one, so that no other run shares it. */
const secAccountNumber = `300${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
/** An installer's company IBAN and the national ID of a member its administrator invites. */
const companyIban = validSaudiIban('80', String(randomInt(0, 1_000_000_000)).padStart(18, '0'));
const memberNationalId = randomNationalId();
/** Every form in which a personal value could leak: as given, normalised, and the bare subscriber number. */
const PERSONAL_VALUES = [
  nationalId,
  person.fullName.ar,
  person.fullName.en,
  person.phone,
  '+966598765432',
  '598765432',
  person.email,
  person.dateOfBirth,
  newContact.phone,
  '+966587654321',
  newContact.email,
  secAccountNumber,
  companyIban,
  memberNationalId,
];

describe('personal data across a whole journey', () => {
  let runtime: LocalRuntime;
  const captured: string[] = [];
  const originalStdout = process.stdout.write.bind(process.stdout);
  const originalStderr = process.stderr.write.bind(process.stderr);
  const errorBodies: string[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    runtime = await startTestRuntime();
    const capture = ((chunk: string | Uint8Array) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write;
    process.stdout.write = capture;
    process.stderr.write = capture;
    logger.setLogLevel('DEBUG');
    try {
      const api = apiClient(runtime.baseUrl);
      const signedIn = await signIn(runtime.baseUrl, nationalId);
      tokens.push(signedIn.accessToken, signedIn.refreshToken);
      const token = signedIn.accessToken;
      await api.call('POST', '/v1/customers', { token, body: person });
      const duplicate = await api.call('POST', '/v1/customers', { token, body: person });
      const badPhone = await api.call('PATCH', '/v1/customers/me', { token, body: { phone: `${person.phone}99` } });
      errorBodies.push(JSON.stringify(duplicate.body), JSON.stringify(badPhone.body));
      await api.call('PATCH', '/v1/customers/me', { token, body: newContact });
      await api.call('GET', '/v1/customers/me', { token });
      const ops = await signIn(runtime.baseUrl, TEST_IDENTITIES.opsStaff.nationalId);
      const me = await api.call<{ customerId: string }>('GET', '/v1/customers/me', { token });
      await api.call('GET', `/v1/customers/${me.body.customerId}`, { token: ops.accessToken });
      const assessment = await api.call<{ assessmentId: string }>('POST', '/v1/customers/me/credit-assessments', { token, body: { consent: true } });
      await eventually(
        async () => ((await api.call<{ status: string }>('GET', `/v1/customers/me/credit-assessments/${assessment.body.assessmentId}`, { token })).body.status === 'COMPLETED' ? true : undefined),
        { description: 'the credit assessment' },
      );
      const offer = await api.call<{ offerId: string }>('POST', '/v1/plans/offers', { token, body: { amountHalalas: 60_000, installmentCount: 2 } });
      const plan = await api.call<{ planId: string }>('POST', '/v1/plans', { token, body: { offerId: offer.body.offerId }, headers: { 'idempotency-key': randomUUID() } });
      await api.call('POST', `/v1/plans/${plan.body.planId}/payments`, { token, body: { amountHalalas: 30_000, method: 'MADA' }, headers: { 'idempotency-key': randomUUID() } });
      await eventually(
        async () => ((await api.call<{ outstandingHalalas: number }>('GET', `/v1/plans/${plan.body.planId}`, { token })).body.outstandingHalalas === 30_000 ? true : undefined),
        { description: 'the gateway to confirm the payment' },
      );
      const account = await api.call<{ accountId: string }>('POST', '/v1/customers/me/electricity-accounts', { token, body: { secAccountNumber, cityId: 'dammam', consent: true } });
      const linkedTwice = await api.call('POST', '/v1/customers/me/electricity-accounts', { token, body: { secAccountNumber, cityId: 'dammam', consent: true } });
      const malformedAccount = await api.call('POST', '/v1/customers/me/electricity-accounts', { token, body: { secAccountNumber: `${secAccountNumber}9`, cityId: 'dammam', consent: true } });
      errorBodies.push(JSON.stringify(linkedTwice.body), JSON.stringify(malformedAccount.body));
      await eventually(
        async () => ((await api.call<{ status: string }>('GET', `/v1/customers/me/electricity-accounts/${account.body.accountId}`, { token })).body.status === 'IMPORTED' ? true : undefined),
        { description: 'the SEC import' },
      );
      await api.call('POST', '/v1/solar/estimates', { token, body: { cityId: 'dammam', electricityAccountId: account.body.accountId, roofAreaSquareMeters: 80 } });
      const installer = await signIn(runtime.baseUrl, randomNationalId());
      tokens.push(installer.accessToken, installer.refreshToken);
      const contractorBody = {
        legalName: { ar: 'شركة الضياء', en: 'Diya Solar' },
        unifiedNumber: `7${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`,
        vatNumber: `31${String(randomInt(0, 1_000_000_000)).padStart(12, '0')}3`,
        iban: companyIban,
        certificateNumber: 'SERA-777',
        cityIds: ['dammam'],
        businessPhone: '0138001234',
        businessEmail: 'info@diya.example.sa',
      };
      await api.call('POST', '/v1/contractors', { token: installer.accessToken, body: contractorBody, headers: { 'idempotency-key': randomUUID() } });
      const badIban = await api.call('POST', '/v1/contractors', { token: installer.accessToken, body: { ...contractorBody, iban: `${companyIban.slice(0, 23)}${companyIban.endsWith('0') ? '1' : '0'}` }, headers: { 'idempotency-key': randomUUID() } });
      await api.call('POST', '/v1/contractors/me/members', { token: installer.accessToken, body: { nationalId: memberNationalId } });
      const invitedTwice = await api.call('POST', '/v1/contractors/me/members', { token: installer.accessToken, body: { nationalId: memberNationalId } });
      errorBodies.push(JSON.stringify(badIban.body), JSON.stringify(invitedTwice.body));
      const member = await signIn(runtime.baseUrl, memberNationalId);
      tokens.push(member.accessToken, member.refreshToken);
      await api.call('GET', '/v1/contractors/me', { token: member.accessToken });
      const refreshed = await api.call<{ accessToken: string; refreshToken: string }>('POST', '/v1/auth/tokens/refresh', { body: { refreshToken: signedIn.refreshToken } });
      tokens.push(refreshed.body.accessToken, refreshed.body.refreshToken);
    } finally {
      logger.setLogLevel('WARN');
      process.stdout.write = originalStdout;
      process.stderr.write = originalStderr;
    }
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it("captured the handlers' own log lines, so the searches below had something to search", () => {
    const logs = captured.join('');
    // Written by the payment webhook handler through the Powertools logger, at INFO.
    expect(logs).toContain('Payment webhook applied');
  });

  it('appears in no log line', () => {
    const logs = captured.join('');
    expect(PERSONAL_VALUES.filter((value) => logs.includes(value))).toEqual([]);
  });

  it('appears in no table item, outbox events included', async () => {
    const { Items = [] } = await new DynamoDBClient({}).send(new ScanCommand({ TableName: runtime.resources.tableName }));
    const table = JSON.stringify(Items);

    expect(table).toContain('"OutboxEvent"');
    expect(PERSONAL_VALUES.filter((value) => table.includes(value))).toEqual([]);
  });

  it('appears in no token and no error response', () => {
    const decodedTokens = tokens.map((token) => token.split('.').map((part) => Buffer.from(part, 'base64url').toString('utf8')).join('.'));
    const searched = [...tokens, ...decodedTokens, ...errorBodies].join('\n');

    expect(tokens).toHaveLength(8);
    expect(PERSONAL_VALUES.filter((value) => searched.includes(value))).toEqual([]);
  });
});
