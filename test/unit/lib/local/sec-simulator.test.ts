import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../../lib/local/simulators/http-simulator.ts';
import { consumptionHistory, SEC_TEST_ACCOUNTS, secBehaviourFor, startSecSimulator } from '../../../../lib/local/simulators/sec-simulator.ts';

const ORDINARY_ACCOUNT = '30012345678';

describe('the SEC simulator', () => {
  let simulator: RunningSimulator;
  const post = (accountNumber: string, consentReference = 'consent-1') =>
    fetch(`${simulator.baseUrl}/v1/consumption-history`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accountNumber, consentReference }) });

  beforeAll(async () => {
    simulator = await startSecSimulator();
  });

  afterAll(async () => {
    await simulator.stop();
  });

  it('gives an ordinary home the same 12 months, oldest first, every time, all within the first tariff tier', async () => {
    const first = (await (await post(ORDINARY_ACCOUNT)).json()) as { months: { month: string; consumptionKilowattHours: number }[] };
    const second = (await (await post(ORDINARY_ACCOUNT)).json()) as typeof first;

    expect(first).toEqual(second);
    expect(first.months).toHaveLength(12);
    expect(new Set(first.months.map((month) => month.month.slice(5))).size).toBe(12);
    expect([...first.months].sort((a, b) => a.month.localeCompare(b.month))).toEqual(first.months);
    expect(first.months.every((month) => month.consumptionKilowattHours > 0 && month.consumptionKilowattHours <= 6_000)).toBe(true);
  });

  it('gives the large home more than 6,000 kWh in every summer month', () => {
    const summer = consumptionHistory(SEC_TEST_ACCOUNTS.largeHome, new Date('2026-12-02T00:00:00Z')).filter((month) => ['06', '07', '08', '09'].includes(month.month.slice(5)));
    expect(summer).toHaveLength(4);
    expect(summer.every((month) => month.consumptionKilowattHours > 6_000)).toBe(true);
  });

  it('answers each documented failure as documented', async () => {
    expect((await post(SEC_TEST_ACCOUNTS.notFound)).status).toBe(404);
    expect((await post(SEC_TEST_ACCOUNTS.serverError)).status).toBe(503);
    expect((await post(SEC_TEST_ACCOUNTS.serverErrorOnce)).status).toBe(503);
    expect((await post(SEC_TEST_ACCOUNTS.serverErrorOnce)).status).toBe(200);
    const garbage = (await (await post(SEC_TEST_ACCOUNTS.garbage)).json()) as { months: unknown };
    expect(Array.isArray(garbage.months)).toBe(false);
    expect(secBehaviourFor(SEC_TEST_ACCOUNTS.timeout)).toBe('timeout');
  });

  it('refuses a malformed account number and a missing consent reference', async () => {
    expect((await post('3001234567')).status).toBe(400);
    expect((await post(ORDINARY_ACCOUNT, '')).status).toBe(400);
  });

  it('is documented: docs/simulators.md and the README list every test account number', async () => {
    const documentation = await readFile(new URL('../../../../docs/simulators.md', import.meta.url), 'utf8');
    const readme = await readFile(new URL('../../../../README.md', import.meta.url), 'utf8');

    const undocumented = Object.values(SEC_TEST_ACCOUNTS).filter((accountNumber) => !documentation.includes(`\`${accountNumber}\``) || !readme.includes(`\`${accountNumber}\``));

    expect(undocumented).toEqual([]);
  });
});
