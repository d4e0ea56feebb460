/**
 * An SEC electricity account linked by a customer, and the 12 months of consumption imported for it. SEC publishes
 * no API, so the account-number format is ours (docs/decisions/0012-sec-account-number-format.md): 11 digits
 * starting with 300 (a verified meter) or 100 (unverified), the prefixes Argaam reports. The number identifies a
 * home, so it is personal data: only its ciphertext and blind index are stored.
 */
export const SEC_ACCOUNT_NUMBER_PATTERN = /^(?:300|100)\d{8}$/;

export type ElectricityAccountStatus = 'PENDING' | 'IMPORTED' | 'FAILED';

export const SEC_IMPORT_FAILURE_REASONS = ['SEC_ACCOUNT_NOT_FOUND', 'SEC_TIMEOUT', 'SEC_UNAVAILABLE', 'SEC_MALFORMED_RESPONSE', 'SEC_REJECTED_REQUEST'] as const;
export type SecImportFailureReason = (typeof SEC_IMPORT_FAILURE_REASONS)[number];

export interface MonthlyConsumption {
  /** The billing month, `yyyy-mm`. */
  readonly month: string;
  readonly consumptionKilowattHours: number;
}

/** The latest estimate made from this account, which the suitability score reads for roof adequacy. */
export interface EstimateSummary {
  readonly estimateId: string;
  readonly recommendedWatts: number;
  readonly targetWatts: number;
  readonly limitedBy: string;
  readonly createdAt: string;
}

export interface ElectricityAccount {
  readonly accountId: string;
  readonly customerId: string;
  readonly cityId: string;
  readonly status: ElectricityAccountStatus;
  readonly accountNumberCiphertext: string;
  readonly consentGivenAt: Date;
  readonly linkedAt: Date;
  readonly months?: readonly MonthlyConsumption[];
  readonly importedAt?: Date;
  readonly failureReason?: SecImportFailureReason;
  readonly latestEstimate?: EstimateSummary;
}

/**
 * The imported months as the calculator's January-to-December profile: each calendar month's consumption, from the
 * most recent 12 billing months SEC returned.
 */
export function consumptionByCalendarMonth(months: readonly MonthlyConsumption[]): number[] {
  const byMonth = new Array<number>(12).fill(0);
  for (const { month, consumptionKilowattHours } of months) byMonth[Number(month.slice(5, 7)) - 1] = consumptionKilowattHours;
  return byMonth;
}
