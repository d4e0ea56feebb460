import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../lib/local/simulators/http-simulator.ts';
import { startZatcaSimulator, ZATCA_TEST_VAT_NUMBERS } from '../../../lib/local/simulators/zatca-simulator.ts';
import { HttpZatcaClient, ZATCA_TIMEOUT_MILLISECONDS } from '../../../shared/contractors/adapters/zatca-client.ts';
import { GovernmentServiceError } from '../../../shared/kernel/errors/government-service-error.ts';

const ORDINARY_VAT_NUMBER = '300270769200003';
const UNIFIED_NUMBER = '7001234567';

async function failureOf(promise: Promise<unknown>): Promise<Pick<GovernmentServiceError, 'service' | 'reason' | 'retryable'>> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GovernmentServiceError);
  const { service, reason, retryable } = error as GovernmentServiceError;
  return { service, reason, retryable };
}

describe('HttpZatcaClient against the ZATCA simulator', () => {
  let simulator: RunningSimulator;
  let client: HttpZatcaClient;

  beforeAll(async () => {
    simulator = await startZatcaSimulator();
    client = new HttpZatcaClient(simulator.baseUrl);
  });

  afterAll(async () => {
    await simulator.stop();
  });

  it('waits 5 s per attempt by default', () => {
    expect(ZATCA_TIMEOUT_MILLISECONDS).toBe(5_000);
  });

  it('reads an ordinary number as registered to the company asked about, and keeps only the status and unified number', async () => {
    expect(await client.verifyVatRegistration(ORDINARY_VAT_NUMBER, UNIFIED_NUMBER)).toEqual({ status: 'REGISTERED', registeredUnifiedNumber: UNIFIED_NUMBER });
  });

  it('reads a definite "not registered" and "deregistered"', async () => {
    expect(await client.verifyVatRegistration(ZATCA_TEST_VAT_NUMBERS.notRegistered, UNIFIED_NUMBER)).toEqual({ status: 'NOT_REGISTERED' });
    expect(await client.verifyVatRegistration(ZATCA_TEST_VAT_NUMBERS.deregistered, UNIFIED_NUMBER)).toEqual({ status: 'DEREGISTERED' });
  });

  it('reads a number registered to another company with that company', async () => {
    const registration = await client.verifyVatRegistration(ZATCA_TEST_VAT_NUMBERS.registeredToAnotherCompany, UNIFIED_NUMBER);
    expect(registration.status).toBe('REGISTERED');
    expect(registration.status === 'REGISTERED' && registration.registeredUnifiedNumber).not.toBe(UNIFIED_NUMBER);
  });

  it('maps a 503 to a retryable UNAVAILABLE, and succeeds on retrying the 503-once number', async () => {
    expect(await failureOf(client.verifyVatRegistration(ZATCA_TEST_VAT_NUMBERS.serverError, UNIFIED_NUMBER))).toEqual({ service: 'ZATCA', reason: 'UNAVAILABLE', retryable: true });
    expect(await failureOf(client.verifyVatRegistration(ZATCA_TEST_VAT_NUMBERS.serverErrorOnce, UNIFIED_NUMBER))).toEqual({ service: 'ZATCA', reason: 'UNAVAILABLE', retryable: true });
    expect(await client.verifyVatRegistration(ZATCA_TEST_VAT_NUMBERS.serverErrorOnce, UNIFIED_NUMBER)).toEqual({ status: 'REGISTERED', registeredUnifiedNumber: UNIFIED_NUMBER });
  });

  it('maps a reply of the wrong shape to a final MALFORMED_RESPONSE', async () => {
    expect(await failureOf(client.verifyVatRegistration(ZATCA_TEST_VAT_NUMBERS.garbage, UNIFIED_NUMBER))).toEqual({ service: 'ZATCA', reason: 'MALFORMED_RESPONSE', retryable: false });
  });

  it('maps a reply held open past its timeout to a retryable TIMEOUT', async () => {
    const impatient = new HttpZatcaClient(simulator.baseUrl, 200);
    expect(await failureOf(impatient.verifyVatRegistration(ZATCA_TEST_VAT_NUMBERS.timeout, UNIFIED_NUMBER))).toEqual({ service: 'ZATCA', reason: 'TIMEOUT', retryable: true });
  });

  it('maps a refused request (a malformed number) to a final REJECTED_REQUEST', async () => {
    expect(await failureOf(client.verifyVatRegistration('300270769200001', UNIFIED_NUMBER))).toEqual({ service: 'ZATCA', reason: 'REJECTED_REQUEST', retryable: false });
    expect(await failureOf(client.verifyVatRegistration(ORDINARY_VAT_NUMBER, '1010123456'))).toEqual({ service: 'ZATCA', reason: 'REJECTED_REQUEST', retryable: false });
  });

  it('maps an unreachable service to a retryable UNAVAILABLE', async () => {
    const stopped = await startZatcaSimulator();
    await stopped.stop();
    const unreachable = new HttpZatcaClient(stopped.baseUrl);
    expect(await failureOf(unreachable.verifyVatRegistration(ORDINARY_VAT_NUMBER, UNIFIED_NUMBER))).toEqual({ service: 'ZATCA', reason: 'UNAVAILABLE', retryable: true });
  });
});
