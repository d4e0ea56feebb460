/**
 * SEC simulator: the last 12 billing months of an electricity account, keyed by account number. SEC publishes no
 * consumption API, so the interface is ours (shared/solar/adapters/sec-client.ts). Behaviour is deterministic:
 * the test numbers below each produce one case, and any other well-formed number is an ordinary home whose
 * consumption follows a Saudi seasonal profile scaled by a hash of the number. Nothing is logged.
 */
import { createHash } from 'node:crypto';
import { SEC_ACCOUNT_NUMBER_PATTERN } from '../../../shared/solar/domain/electricity-account.ts';
import { heldOpenReplies, startHttpSimulator, type RunningSimulator, type SimulatorResponse } from './http-simulator.ts';

export type SecBehaviour = 'ordinary' | 'large-home' | 'not-found' | 'timeout' | 'server-error' | 'server-error-once' | 'garbage';

/** The documented test account numbers (README and docs/simulators.md). */
export const SEC_TEST_ACCOUNTS = {
  largeHome: '30000000001',
  notFound: '30000000404',
  timeout: '30000000408',
  serverError: '30000000503',
  serverErrorOnce: '30000000502',
  garbage: '30000000999',
} as const;

const BEHAVIOURS: Readonly<Record<string, SecBehaviour>> = {
  [SEC_TEST_ACCOUNTS.largeHome]: 'large-home',
  [SEC_TEST_ACCOUNTS.notFound]: 'not-found',
  [SEC_TEST_ACCOUNTS.timeout]: 'timeout',
  [SEC_TEST_ACCOUNTS.serverError]: 'server-error',
  [SEC_TEST_ACCOUNTS.serverErrorOnce]: 'server-error-once',
  [SEC_TEST_ACCOUNTS.garbage]: 'garbage',
};

export const secBehaviourFor = (accountNumber: string): SecBehaviour => BEHAVIOURS[accountNumber] ?? 'ordinary';

/**
 * A Saudi home's year in kWh, January to December: air conditioning makes summer use about three times winter's.
 * An ordinary home is this scaled by 0.6–1.2, so it stays in the first tariff tier (6,000 kWh) every month.
 */
export const SEASONAL_PROFILE_KILOWATT_HOURS = [1_200, 1_150, 1_400, 2_000, 2_900, 3_600, 4_000, 4_100, 3_500, 2_500, 1_600, 1_300] as const;
const ORDINARY_SCALE_MIN_PERCENT = 60;
const ORDINARY_SCALE_SPAN_PERCENT = 61;
/** A large home uses twice the profile: above 6,000 kWh in June to September. */
const LARGE_HOME_SCALE_PERCENT = 200;
/** Far beyond our 5 s client timeout, and short enough that an abandoned request does not linger. */
export const TIMEOUT_HOLD_MILLISECONDS = 30_000;
const UNAVAILABLE: SimulatorResponse = { status: 503, body: { error: 'service unavailable' } };

export function consumptionScalePercent(accountNumber: string): number {
  if (secBehaviourFor(accountNumber) === 'large-home') return LARGE_HOME_SCALE_PERCENT;
  return ORDINARY_SCALE_MIN_PERCENT + (createHash('sha256').update(accountNumber).digest().readUInt32BE(0) % ORDINARY_SCALE_SPAN_PERCENT);
}

/** The 12 billing months before `now`, oldest first, each with the profile's value for its calendar month. */
export function consumptionHistory(accountNumber: string, now: Date): { month: string; consumptionKilowattHours: number }[] {
  const scalePercent = consumptionScalePercent(accountNumber);
  return Array.from({ length: 12 }, (_, index) => {
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12 + index, 1));
    const calendarMonth = monthStart.getUTCMonth();
    return {
      month: `${monthStart.getUTCFullYear()}-${String(calendarMonth + 1).padStart(2, '0')}`,
      consumptionKilowattHours: Math.round((SEASONAL_PROFILE_KILOWATT_HOURS[calendarMonth]! * scalePercent) / 100),
    };
  });
}

export async function startSecSimulator(options: { readonly port?: number } = {}): Promise<RunningSimulator> {
  // Per instance, so that each test run sees the transient failure once.
  const failedOnce = new Set<string>();
  const held = heldOpenReplies(TIMEOUT_HOLD_MILLISECONDS);

  function history(body: unknown): SimulatorResponse | Promise<SimulatorResponse> {
    const { accountNumber, consentReference } = (body ?? {}) as { accountNumber?: unknown; consentReference?: unknown };
    if (typeof accountNumber !== 'string' || !SEC_ACCOUNT_NUMBER_PATTERN.test(accountNumber)) return { status: 400, body: { error: 'invalid accountNumber' } };
    if (typeof consentReference !== 'string' || consentReference.trim() === '') return { status: 400, body: { error: 'consentReference required' } };
    switch (secBehaviourFor(accountNumber)) {
      case 'not-found':
        return { status: 404, body: { error: 'account not found' } };
      case 'timeout':
        return held.reply();
      case 'server-error':
        return UNAVAILABLE;
      case 'server-error-once':
        if (!failedOnce.has(accountNumber)) {
          failedOnce.add(accountNumber);
          return UNAVAILABLE;
        }
        return { status: 200, body: { months: consumptionHistory(accountNumber, new Date()) } };
      case 'garbage':
        return { status: 200, body: { months: 'lots', kWh: -1 } };
      case 'ordinary':
      case 'large-home':
        return { status: 200, body: { months: consumptionHistory(accountNumber, new Date()) } };
    }
  }

  return startHttpSimulator(
    options.port ?? 0,
    async (request) => {
      if (request.method === 'POST' && request.url.pathname === '/v1/consumption-history') return history(request.body);
      return { status: 404, body: { error: 'not found' } };
    },
    held.release,
  );
}
