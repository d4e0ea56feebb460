import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../../lib/local/simulators/http-simulator.ts';
import { DEREGISTERED_AT, startZatcaSimulator, ZATCA_TEST_VAT_NUMBERS, zatcaBehaviourFor } from '../../../../lib/local/simulators/zatca-simulator.ts';
import { UNIFIED_NUMBER_PATTERN, VAT_REGISTRATION_NUMBER_PATTERN as VAT_NUMBER_PATTERN } from '../../../../shared/kernel/company-identifiers.ts';

const ORDINARY_VAT_NUMBER = '300270769200003';
const UNIFIED_NUMBER = '7001234567';

describe('the ZATCA simulator', () => {
  let simulator: RunningSimulator;
  const post = (body: unknown) =>
    fetch(`${simulator.baseUrl}/v1/vat-registrations/verification`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const verify = (vatNumber: string, unifiedNumber = UNIFIED_NUMBER) => post({ vatNumber, unifiedNumber });

  beforeAll(async () => {
    simulator = await startZatcaSimulator();
  });

  afterAll(async () => {
    await simulator.stop();
  });

  it('documents well-formed, distinct test numbers', () => {
    const numbers = Object.values(ZATCA_TEST_VAT_NUMBERS);
    expect(numbers.filter((vatNumber) => !VAT_NUMBER_PATTERN.test(vatNumber))).toEqual([]);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(zatcaBehaviourFor(ORDINARY_VAT_NUMBER)).toBe('ordinary');
  });

  it('registers an ordinary number to the company asked about, the same way every time', async () => {
    const first = await verify(ORDINARY_VAT_NUMBER);
    const firstBody = (await first.json()) as Record<string, unknown>;
    const secondBody = (await (await verify(ORDINARY_VAT_NUMBER)).json()) as Record<string, unknown>;

    expect(first.status).toBe(200);
    expect(firstBody).toEqual(secondBody);
    expect(firstBody).toMatchObject({ status: 'REGISTERED', registeredUnifiedNumber: UNIFIED_NUMBER });
    expect(firstBody.registeredAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof firstBody.legalNameAr).toBe('string');
  });

  it('answers a definite "not registered" and "deregistered" with a 200', async () => {
    const notRegistered = await verify(ZATCA_TEST_VAT_NUMBERS.notRegistered);
    expect(notRegistered.status).toBe(200);
    expect(await notRegistered.json()).toEqual({ status: 'NOT_REGISTERED' });

    const deregistered = await verify(ZATCA_TEST_VAT_NUMBERS.deregistered);
    expect(deregistered.status).toBe(200);
    expect(await deregistered.json()).toEqual({ status: 'DEREGISTERED', deregisteredAt: DEREGISTERED_AT });
  });

  it('registers the another-company number to a different, well-formed unified number, whichever is asked about', async () => {
    for (const unifiedNumber of [UNIFIED_NUMBER, '7000000001', '7000000002']) {
      const body = (await (await verify(ZATCA_TEST_VAT_NUMBERS.registeredToAnotherCompany, unifiedNumber)).json()) as { status: string; registeredUnifiedNumber: string };
      expect(body.status).toBe('REGISTERED');
      expect(body.registeredUnifiedNumber).toMatch(UNIFIED_NUMBER_PATTERN);
      expect(body.registeredUnifiedNumber).not.toBe(unifiedNumber);
    }
  });

  it('answers each documented failure as documented', async () => {
    expect((await verify(ZATCA_TEST_VAT_NUMBERS.serverError)).status).toBe(503);
    expect((await verify(ZATCA_TEST_VAT_NUMBERS.serverError)).status).toBe(503);
    expect((await verify(ZATCA_TEST_VAT_NUMBERS.serverErrorOnce)).status).toBe(503);
    const retried = await verify(ZATCA_TEST_VAT_NUMBERS.serverErrorOnce);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ status: 'REGISTERED', registeredUnifiedNumber: UNIFIED_NUMBER });
    const garbage = await verify(ZATCA_TEST_VAT_NUMBERS.garbage);
    expect(garbage.status).toBe(200);
    expect(((await garbage.json()) as { status: unknown }).status).not.toMatch(/^(REGISTERED|NOT_REGISTERED|DEREGISTERED)$/);
  });

  it('holds the timeout number open until it is stopped', async () => {
    const own = await startZatcaSimulator();
    const pending = fetch(`${own.baseUrl}/v1/vat-registrations/verification`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ vatNumber: ZATCA_TEST_VAT_NUMBERS.timeout, unifiedNumber: UNIFIED_NUMBER }),
    }).then(
      (response) => response.status,
      () => 'dropped' as const,
    );
    const answeredQuickly = await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 300))]);
    await own.stop();

    expect(answeredQuickly).toBe('still waiting');
    expect(await pending).toBe('dropped');
  });

  it('refuses a malformed VAT number or unified number, and a body without them', async () => {
    for (const vatNumber of ['30027076920000', '3002707692000031', '100270769200003', '300270769200001', '30027076920000a']) {
      expect((await verify(vatNumber)).status).toBe(400);
    }
    for (const unifiedNumber of ['1010123456', '700123456', '70012345678', '']) {
      expect((await verify(ORDINARY_VAT_NUMBER, unifiedNumber)).status).toBe(400);
    }
    expect((await post({})).status).toBe(400);
    expect((await post({ vatNumber: Number(ORDINARY_VAT_NUMBER), unifiedNumber: UNIFIED_NUMBER })).status).toBe(400);
  });

  it('is documented: docs/simulators.md lists every test VAT number', async () => {
    const documentation = await readFile(new URL('../../../../docs/simulators.md', import.meta.url), 'utf8');

    const undocumented = Object.values(ZATCA_TEST_VAT_NUMBERS).filter((vatNumber) => !documentation.includes(`\`${vatNumber}\``));

    expect(undocumented).toEqual([]);
  });
});
