/**
 * ZATCA simulator: whether a VAT number is registered, and to which company (by unified number). ZATCA's own
 * interface is not open to us, so this one is ours (shared/contractors/adapters/zatca-client.ts). Behaviour is
 * deterministic: the test numbers below each produce one case, and any other well-formed VAT number is registered
 * to the very company asked about, with a legal name and registration date derived from a hash of the number.
 * Nothing is logged.
 */
import { createHash } from 'node:crypto';
import { UNIFIED_NUMBER_PATTERN, VAT_REGISTRATION_NUMBER_PATTERN } from '../../../shared/kernel/company-identifiers.ts';
import { heldOpenReplies, startHttpSimulator, type RunningSimulator, type SimulatorResponse } from './http-simulator.ts';

export type ZatcaBehaviour = 'ordinary' | 'not-registered' | 'deregistered' | 'another-company' | 'timeout' | 'server-error' | 'server-error-once' | 'garbage';

/**
 * The documented test VAT numbers (docs/simulators.md). Each is laid out as a real one is (a 3, ten digits, the
 * branch 0000, a 3) with an HTTP-like code in the middle: `3000000` + code + `00003`.
 */
export const ZATCA_TEST_VAT_NUMBERS = {
  notRegistered: '300000040400003',
  deregistered: '300000041000003',
  registeredToAnotherCompany: '300000040900003',
  timeout: '300000040800003',
  serverError: '300000050300003',
  serverErrorOnce: '300000050200003',
  garbage: '300000099900003',
} as const;

const BEHAVIOURS: Readonly<Record<string, ZatcaBehaviour>> = {
  [ZATCA_TEST_VAT_NUMBERS.notRegistered]: 'not-registered',
  [ZATCA_TEST_VAT_NUMBERS.deregistered]: 'deregistered',
  [ZATCA_TEST_VAT_NUMBERS.registeredToAnotherCompany]: 'another-company',
  [ZATCA_TEST_VAT_NUMBERS.timeout]: 'timeout',
  [ZATCA_TEST_VAT_NUMBERS.serverError]: 'server-error',
  [ZATCA_TEST_VAT_NUMBERS.serverErrorOnce]: 'server-error-once',
  [ZATCA_TEST_VAT_NUMBERS.garbage]: 'garbage',
};

export const zatcaBehaviourFor = (vatNumber: string): ZatcaBehaviour => BEHAVIOURS[vatNumber] ?? 'ordinary';

/** The company the registered-to-another-company number belongs to; the second when the first is the one asked about. */
export const OTHER_COMPANY_UNIFIED_NUMBERS = ['7000000001', '7000000002'] as const;
/** The date the deregistered number was struck off. */
export const DEREGISTERED_AT = '2024-06-30';
/** Far beyond our 5 s client timeout, and short enough that an abandoned request does not linger. */
export const TIMEOUT_HOLD_MILLISECONDS = 30_000;
const UNAVAILABLE: SimulatorResponse = { status: 503, body: { error: 'service unavailable' } };
const LEGAL_NAMES_AR = ['شركة الطاقة الشمسية المتقدمة', 'مؤسسة أنظمة الشمس للمقاولات', 'شركة الألواح الذكية للتركيب', 'مؤسسة الواحة للطاقة المتجددة'] as const;
/** Ordinary registrations fall between 2018-01-01 (when VAT began) and the end of 2023. */
const REGISTRATION_EPOCH_UTC = Date.UTC(2018, 0, 1);
const REGISTRATION_SPAN_DAYS = 6 * 365;
const DAY_MILLISECONDS = 86_400_000;

/** An ordinary number's registration: the company asked about, with a name and date derived from the number. */
export function ordinaryRegistration(vatNumber: string, unifiedNumber: string): { status: 'REGISTERED'; registeredUnifiedNumber: string; legalNameAr: string; registeredAt: string } {
  const digest = createHash('sha256').update(vatNumber).digest();
  const registeredAt = new Date(REGISTRATION_EPOCH_UTC + (digest.readUInt32BE(0) % REGISTRATION_SPAN_DAYS) * DAY_MILLISECONDS).toISOString().slice(0, 10);
  return { status: 'REGISTERED', registeredUnifiedNumber: unifiedNumber, legalNameAr: LEGAL_NAMES_AR[digest.readUInt32BE(4) % LEGAL_NAMES_AR.length]!, registeredAt };
}

export async function startZatcaSimulator(options: { readonly port?: number } = {}): Promise<RunningSimulator> {
  // Per instance, so that each test run sees the transient failure once.
  const failedOnce = new Set<string>();
  const held = heldOpenReplies(TIMEOUT_HOLD_MILLISECONDS);

  function verification(body: unknown): SimulatorResponse | Promise<SimulatorResponse> {
    const { vatNumber, unifiedNumber } = (body ?? {}) as { vatNumber?: unknown; unifiedNumber?: unknown };
    if (typeof vatNumber !== 'string' || !VAT_REGISTRATION_NUMBER_PATTERN.test(vatNumber)) return { status: 400, body: { error: 'invalid vatNumber' } };
    if (typeof unifiedNumber !== 'string' || !UNIFIED_NUMBER_PATTERN.test(unifiedNumber)) return { status: 400, body: { error: 'invalid unifiedNumber' } };
    switch (zatcaBehaviourFor(vatNumber)) {
      case 'not-registered':
        return { status: 200, body: { status: 'NOT_REGISTERED' } };
      case 'deregistered':
        return { status: 200, body: { status: 'DEREGISTERED', deregisteredAt: DEREGISTERED_AT } };
      case 'another-company':
        return { status: 200, body: { ...ordinaryRegistration(vatNumber, unifiedNumber), registeredUnifiedNumber: OTHER_COMPANY_UNIFIED_NUMBERS.find((other) => other !== unifiedNumber) } };
      case 'timeout':
        return held.reply();
      case 'server-error':
        return UNAVAILABLE;
      case 'server-error-once':
        if (!failedOnce.has(vatNumber)) {
          failedOnce.add(vatNumber);
          return UNAVAILABLE;
        }
        return { status: 200, body: ordinaryRegistration(vatNumber, unifiedNumber) };
      case 'garbage':
        return { status: 200, body: { status: 'PROBABLY', registered: 'yes' } };
      case 'ordinary':
        return { status: 200, body: ordinaryRegistration(vatNumber, unifiedNumber) };
    }
  }

  return startHttpSimulator(
    options.port ?? 0,
    async (request) => {
      if (request.method === 'POST' && request.url.pathname === '/v1/vat-registrations/verification') return verification(request.body);
      return { status: 404, body: { error: 'not found' } };
    },
    held.release,
  );
}
