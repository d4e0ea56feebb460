import { ARREARS_BUCKETS, DEFAULT_LENDING_POLICY, INSTALLMENTS_PER_PLAN_MAX, DEFAULT_PLAN_POLICY, type LendingPolicy, type PlanPolicy, type ResidencyPolicy } from '../policy.ts';
import type { Environment } from './environment.ts';

/**
 * Every overridable policy value, the variable that overrides it and its valid range. This one table is checked twice:
 * by the CDK app at synthesis, from `-c policy.<name>=<value>` (lib/rabhan-app.ts), and by every function when it
 * first builds its dependencies, from the variables the app set. Locally `npm start` reads the same variables from its
 * own environment and checks them before it serves. docs/policy.md documents each range; a test keeps it in step.
 */

const MINUTE_SECONDS = 60;
const HOUR_SECONDS = 60 * MINUTE_SECONDS;
const DAY_SECONDS = 24 * HOUR_SECONDS;

export interface IntegerRange {
  readonly kind: 'integer';
  readonly min: number;
  readonly max: number;
  /**
   * A SAMA rule's ceiling, below `max`. A value above it is refused unless POLICY_SAMA_CIRCULAR names the SAMA circular
   * that allows it (docs/decisions/0001-sama-circular-overrides.md).
   */
  readonly samaMax?: number;
  readonly unit: 'halalas' | 'installments' | 'Hijri years' | 'seconds' | 'basis points' | 'quotes' | 'months';
}

export interface ChoiceRange {
  readonly kind: 'choice';
  readonly values: readonly string[];
}

export interface PolicyValueDefinition {
  readonly variable: string;
  readonly range: IntegerRange | ChoiceRange;
}

const RESIDENCY_POLICIES = ['citizens-only', 'citizens-and-residents'] as const satisfies readonly ResidencyPolicy[];

/**
 * Ranges. Lower bounds of windows are one second so that `npm start` can shorten any of them to watch it pass in a
 * local journey; upper bounds catch a unit mistake (minutes for seconds, SAR for halalas) before it reaches a customer.
 */
export const POLICY_VALUES = {
  // Below SAR 100 (a limit typed in SAR, not halalas) no useful plan fits; a home system costs at most SAR 200,000 (solar.md).
  exposureLimitHalalas: { variable: 'POLICY_EXPOSURE_LIMIT_HALALAS', range: { kind: 'integer', min: 100_00, max: 200_000_00, samaMax: 5_000_00, unit: 'halalas' } },
  // Schedules and allocation support at most INSTALLMENTS_PER_PLAN_MAX installments; above it every offer would fail.
  installmentCountMax: { variable: 'POLICY_INSTALLMENT_COUNT_MAX', range: { kind: 'integer', min: 1, max: INSTALLMENTS_PER_PLAN_MAX, samaMax: 12, unit: 'installments' } },
  // SAMA's 18 is a floor no circular lowers here; a minimum above 65 would refuse nearly every customer.
  minimumAgeHijriYears: { variable: 'POLICY_MINIMUM_AGE_HIJRI_YEARS', range: { kind: 'integer', min: 18, max: 65, unit: 'Hijri years' } },
  residency: { variable: 'POLICY_RESIDENCY', range: { kind: 'choice', values: RESIDENCY_POLICIES } },
  // SIMAH data older than a quarter has missed three monthly reporting cycles.
  creditAssessmentValiditySeconds: { variable: 'POLICY_CREDIT_ASSESSMENT_VALIDITY_SECONDS', range: { kind: 'integer', min: 1, max: 90 * DAY_SECONDS, unit: 'seconds' } },
  // CURRENT cannot block, or no customer could ever borrow.
  arrearsBucketBlockingNewPlans: { variable: 'POLICY_ARREARS_BUCKET_BLOCKING_NEW_PLANS', range: { kind: 'choice', values: ARREARS_BUCKETS } },
  // Obligations above SAR 10,000,000 describe no consumer; such a threshold is a unit mistake.
  obligationsHalvingThresholdHalalas: { variable: 'POLICY_OBLIGATIONS_HALVING_THRESHOLD_HALALAS', range: { kind: 'integer', min: 0, max: 10_000_000_00, unit: 'halalas' } },
  obligationsIneligibleThresholdHalalas: { variable: 'POLICY_OBLIGATIONS_INELIGIBLE_THRESHOLD_HALALAS', range: { kind: 'integer', min: 1, max: 10_000_000_00, unit: 'halalas' } },
  // An offer reflects exposure and risk at one moment; a day-old one no longer does.
  offerTtlSeconds: { variable: 'POLICY_OFFER_TTL_SECONDS', range: { kind: 'integer', min: 1, max: DAY_SECONDS, unit: 'seconds' } },
  // Cancelling is allowed only before any payment, and the first installment falls due about a month after the start.
  coolingOffSeconds: { variable: 'POLICY_COOLING_OFF_SECONDS', range: { kind: 'integer', min: 1, max: 30 * DAY_SECONDS, unit: 'seconds' } },
  // Card methods (MADA, CREDIT_CARD, APPLE_PAY): a checkout completes within minutes; a day is past any gateway's session.
  paymentIntentTtlSeconds: { variable: 'POLICY_PAYMENT_INTENT_TTL_SECONDS', range: { kind: 'integer', min: 1, max: DAY_SECONDS, unit: 'seconds' } },
  // SADAD bills are paid days later; an intent reserves part of the balance, so a month at most.
  // The solar calculator's unverified figures (docs/solar-model.md); the defaults are the solar context's own.
  // An installed kWp between SAR 100 and SAR 50,000: anything outside is a unit mistake.
  solarPriceLowHalalasPerKilowattPeak: { variable: 'POLICY_SOLAR_PRICE_LOW_HALALAS_PER_KWP', range: { kind: 'integer', min: 100_00, max: 50_000_00, unit: 'halalas' } },
  solarPriceHighHalalasPerKilowattPeak: { variable: 'POLICY_SOLAR_PRICE_HIGH_HALALAS_PER_KWP', range: { kind: 'integer', min: 100_00, max: 50_000_00, unit: 'halalas' } },
  // Never above the top retail tier (30 halalas): net billing credits exports below retail.
  solarExportCreditHalalasPerKilowattHour: { variable: 'POLICY_SOLAR_EXPORT_CREDIT_HALALAS_PER_KWH', range: { kind: 'integer', min: 0, max: 30, unit: 'halalas' } },
  solarSelfConsumptionBasisPoints: { variable: 'POLICY_SOLAR_SELF_CONSUMPTION_BASIS_POINTS', range: { kind: 'integer', min: 0, max: 10_000, unit: 'basis points' } },
  // The marketplace's window and size for a quote request; the defaults are the marketplace's own.
  quoteRequestOpenSeconds: { variable: 'POLICY_QUOTE_REQUEST_OPEN_SECONDS', range: { kind: 'integer', min: 1, max: 90 * DAY_SECONDS, unit: 'seconds' } },
  quotesPerRequestMax: { variable: 'POLICY_QUOTES_PER_REQUEST_MAX', range: { kind: 'integer', min: 1, max: 20, unit: 'quotes' } },
  // The projects context's milestone split, transfer size and schedule start; the defaults are the projects context's own.
  // M1 below 10 % or above 90 % would leave one milestone paying next to nothing for its evidence.
  milestoneOneBasisPoints: { variable: 'POLICY_MILESTONE_ONE_BASIS_POINTS', range: { kind: 'integer', min: 1_000, max: 9_000, unit: 'basis points' } },
  // sarie limits run from SAR 2,500 (by IBAN) to SAR 20,000 (a saved beneficiary); a bank may allow more, not SAR 1M.
  payoutTransferLimitHalalas: { variable: 'POLICY_PAYOUT_TRANSFER_LIMIT_HALALAS', range: { kind: 'integer', min: 1_000_00, max: 1_000_000_00, unit: 'halalas' } },
  // The first installment falls due with the work, at most a quarter after notice to proceed.
  firstInstallmentMonthsAfterNoticeToProceed: { variable: 'POLICY_FIRST_INSTALLMENT_MONTHS_AFTER_NTP', range: { kind: 'integer', min: 1, max: 3, unit: 'months' } },
  // How long a contractor may take to each milestone before the project is flagged stalled: a year is past any lender's limit.
  noticeToProceedToMilestoneOneSeconds: { variable: 'POLICY_NTP_TO_M1_SECONDS', range: { kind: 'integer', min: 1, max: 365 * DAY_SECONDS, unit: 'seconds' } },
  milestoneOneToMilestoneTwoSeconds: { variable: 'POLICY_M1_TO_M2_SECONDS', range: { kind: 'integer', min: 1, max: 365 * DAY_SECONDS, unit: 'seconds' } },
  // A customer answers M2 within days; a month is the longest a contractor should wait for silence to count.
  // A household decides within days whether to go ahead; the exposure a project holds should not wait longer than a month.
  downPaymentWindowSeconds: { variable: 'POLICY_DOWN_PAYMENT_WINDOW_SECONDS', range: { kind: 'integer', min: 1, max: 30 * DAY_SECONDS, unit: 'seconds' } },
  installationConfirmationSeconds: { variable: 'POLICY_INSTALLATION_CONFIRMATION_SECONDS', range: { kind: 'integer', min: 1, max: 30 * DAY_SECONDS, unit: 'seconds' } },
  sadadPaymentIntentTtlSeconds: { variable: 'POLICY_SADAD_PAYMENT_INTENT_TTL_SECONDS', range: { kind: 'integer', min: 1, max: 30 * DAY_SECONDS, unit: 'seconds' } },
} as const satisfies Readonly<Record<string, PolicyValueDefinition>>;

export type PolicyValueName = keyof typeof POLICY_VALUES;

/** Names the SAMA circular that allows a value above a SAMA rule; set on every function, so the reason is on record. */
export const POLICY_SAMA_CIRCULAR_VARIABLE = 'POLICY_SAMA_CIRCULAR';
/** A circular's reference as SAMA prints it (e.g. 45063454), not free text. */
const SAMA_CIRCULAR_PATTERN = /^[A-Za-z0-9][A-Za-z0-9./-]{0,63}$/;

/** Every policy variable by value name, plus the SAMA circular; the CDK app maps `policy.<name>` context onto these. */
export const POLICY_ENVIRONMENT_VARIABLES: Readonly<Record<PolicyValueName | 'samaCircular', string>> = {
  ...(Object.fromEntries(Object.entries(POLICY_VALUES).map(([name, { variable }]) => [name, variable])) as Record<PolicyValueName, string>),
  samaCircular: POLICY_SAMA_CIRCULAR_VARIABLE,
};

export class InvalidPolicyError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid policy configuration: ${problems.join('; ')}`);
    this.name = 'InvalidPolicyError';
  }
}

/** The documented range of one value, as docs/policy.md states it. */
export function describePolicyRange(name: PolicyValueName): string {
  const { range } = POLICY_VALUES[name] as PolicyValueDefinition;
  if (range.kind === 'choice') {
    const values = range.values.map((value) => `\`${value}\``);
    return values.length === 2 ? values.join(' or ') : `one of ${values.join(', ')}`;
  }
  const top = range.samaMax ?? range.max;
  const ordinary = `${range.min.toLocaleString('en-US')} to ${top.toLocaleString('en-US')} ${range.unit}${inWords(range.unit, range.min, top)}`;
  if (range.samaMax === undefined) return ordinary;
  return `${ordinary}; up to ${range.max.toLocaleString('en-US')}${inWords(range.unit, undefined, range.max)} only with \`${POLICY_SAMA_CIRCULAR_VARIABLE}\``;
}

/** Halalas also in SAR, and a longest duration also in days, hours or minutes; nothing for other units. */
function inWords(unit: IntegerRange['unit'], from: number | undefined, to: number): string {
  if (unit === 'halalas') {
    const sar = (halalas: number) => `SAR ${(halalas / 100).toLocaleString('en-US')}`;
    return from === undefined ? ` (${sar(to)})` : ` (${sar(from)} to ${sar(to)})`;
  }
  if (unit !== 'seconds') return '';
  const [size, word] = ([[DAY_SECONDS, 'day'], [HOUR_SECONDS, 'hour'], [MINUTE_SECONDS, 'minute']] as const).find(([size]) => to >= size && to % size === 0) ?? [];
  if (size === undefined) return '';
  const count = to / size;
  return ` (${count} ${word}${count === 1 ? '' : 's'})`;
}

/** Reads values from an environment, collecting every problem so one run names all of them. */
export class PolicyReader {
  readonly problems: string[] = [];

  constructor(private readonly environment: Environment) {}

  integer(name: PolicyValueName, defaultValue: number): number {
    const { variable, range } = POLICY_VALUES[name] as PolicyValueDefinition;
    if (range.kind !== 'integer') throw new TypeError(`${name} is not an integer policy value`);
    const text = this.environment[variable];
    if (text === undefined || text === '') return defaultValue;
    const value = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
    if (!(value >= range.min && value <= range.max)) {
      this.problems.push(`${variable} (-c policy.${name}) must be an integer from ${range.min} to ${range.max}, got '${text}'`);
    } else if (range.samaMax !== undefined && value > range.samaMax && this.samaCircular() === undefined) {
      this.problems.push(
        `${variable} (-c policy.${name}) is ${value}, above the SAMA rule of ${range.samaMax}; set ${POLICY_SAMA_CIRCULAR_VARIABLE} (-c policy.samaCircular=<reference>) to the SAMA circular that allows it`,
      );
    }
    return value;
  }

  choice<T extends string>(name: PolicyValueName, defaultValue: T): T {
    const { variable, range } = POLICY_VALUES[name] as PolicyValueDefinition;
    if (range.kind !== 'choice') throw new TypeError(`${name} is not a choice policy value`);
    const text = this.environment[variable];
    if (text === undefined || text === '') return defaultValue;
    if (!range.values.includes(text)) this.problems.push(`${variable} (-c policy.${name}) must be one of ${range.values.join(', ')}, got '${text}'`);
    return text as T;
  }

  samaCircular(): string | undefined {
    const text = this.environment[POLICY_SAMA_CIRCULAR_VARIABLE];
    return text === undefined || text === '' ? undefined : text;
  }

  /** Throws with every problem found, including a malformed circular reference. */
  done(): void {
    const circular = this.samaCircular();
    if (circular !== undefined && !SAMA_CIRCULAR_PATTERN.test(circular)) {
      this.problems.push(`${POLICY_SAMA_CIRCULAR_VARIABLE} must be a circular reference of letters, digits, '.', '/' or '-' (at most 64 characters)`);
    }
    if (this.problems.length > 0) throw new InvalidPolicyError(this.problems);
  }
}

/** The lending policy in force: SAMA defaults unless configuration overrides a value within its range. */
export function loadLendingPolicy(environment: Environment = process.env): LendingPolicy {
  const read = new PolicyReader(environment);
  const policy: LendingPolicy = {
    exposureLimitHalalas: read.integer('exposureLimitHalalas', DEFAULT_LENDING_POLICY.exposureLimitHalalas),
    installmentCountMax: read.integer('installmentCountMax', DEFAULT_LENDING_POLICY.installmentCountMax),
    minimumAgeHijriYears: read.integer('minimumAgeHijriYears', DEFAULT_LENDING_POLICY.minimumAgeHijriYears),
    residency: read.choice('residency', DEFAULT_LENDING_POLICY.residency),
    creditAssessmentValiditySeconds: read.integer('creditAssessmentValiditySeconds', DEFAULT_LENDING_POLICY.creditAssessmentValiditySeconds),
    arrearsBucketBlockingNewPlans: read.choice('arrearsBucketBlockingNewPlans', DEFAULT_LENDING_POLICY.arrearsBucketBlockingNewPlans),
    obligationsHalvingThresholdHalalas: read.integer('obligationsHalvingThresholdHalalas', DEFAULT_LENDING_POLICY.obligationsHalvingThresholdHalalas),
    obligationsIneligibleThresholdHalalas: read.integer('obligationsIneligibleThresholdHalalas', DEFAULT_LENDING_POLICY.obligationsIneligibleThresholdHalalas),
  };
  if (read.problems.length === 0 && policy.obligationsHalvingThresholdHalalas >= policy.obligationsIneligibleThresholdHalalas) {
    read.problems.push(
      `${POLICY_VALUES.obligationsHalvingThresholdHalalas.variable} (${policy.obligationsHalvingThresholdHalalas}) must be below ${POLICY_VALUES.obligationsIneligibleThresholdHalalas.variable} (${policy.obligationsIneligibleThresholdHalalas})`,
    );
  }
  read.done();
  return policy;
}

/** Offer lifetime, cooling-off window and payment intent lifetimes: defaults unless configuration overrides a value. */
export function loadPlanPolicy(environment: Environment = process.env): PlanPolicy {
  const read = new PolicyReader(environment);
  const defaults = DEFAULT_PLAN_POLICY.paymentIntentTtlSecondsByMethod;
  const cardSeconds = read.integer('paymentIntentTtlSeconds', defaults.MADA);
  const policy: PlanPolicy = {
    offerTtlSeconds: read.integer('offerTtlSeconds', DEFAULT_PLAN_POLICY.offerTtlSeconds),
    coolingOffSeconds: read.integer('coolingOffSeconds', DEFAULT_PLAN_POLICY.coolingOffSeconds),
    paymentIntentTtlSecondsByMethod: {
      MADA: cardSeconds,
      CREDIT_CARD: cardSeconds,
      APPLE_PAY: cardSeconds,
      SADAD: read.integer('sadadPaymentIntentTtlSeconds', defaults.SADAD),
    },
  };
  read.done();
  return policy;
}
