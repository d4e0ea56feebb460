/**
 * A Saudi home's monthly electricity bill and what solar saves on it, exactly, in halalas. Consumption and
 * production are whole kWh, tier prices whole halalas, so every charge is exact; VAT is each month's bill times the
 * VAT rate, rounded half up to the halala.
 */
import { basisPointsOfHalalasRoundedHalfUp } from '../../kernel/money.ts';
import type { SolarEstimatePolicy, TariffTier } from './estimate-policy.ts';

export const MONTHS_PER_YEAR = 12;

/** The energy charge for a month's consumption, before VAT: each tier's kWh at that tier's price. */
export function energyChargeHalalas(consumptionKilowattHours: number, tariff: readonly TariffTier[]): number {
  assertWholeKilowattHours(consumptionKilowattHours, 'consumptionKilowattHours');
  let chargeHalalas = 0;
  let tierStartKilowattHours = 0;
  for (const tier of tariff) {
    const tierEnd = tier.upToKilowattHoursPerMonth ?? Number.POSITIVE_INFINITY;
    const inTier = Math.max(0, Math.min(consumptionKilowattHours, tierEnd) - tierStartKilowattHours);
    chargeHalalas += inTier * tier.halalasPerKilowattHour;
    tierStartKilowattHours = tierEnd;
    if (consumptionKilowattHours <= tierEnd) break;
  }
  return chargeHalalas;
}

export interface MonthlyBill {
  readonly energyChargeHalalas: number;
  readonly vatHalalas: number;
  readonly totalHalalas: number;
}

/** A bill from its charge before VAT; a negative charge never happens (credits stop at zero). */
export function billFor(chargeHalalas: number, policy: Pick<SolarEstimatePolicy, 'vatBasisPoints'>): MonthlyBill {
  const vatHalalas = basisPointsOfHalalasRoundedHalfUp(chargeHalalas, policy.vatBasisPoints);
  return { energyChargeHalalas: chargeHalalas, vatHalalas, totalHalalas: chargeHalalas + vatHalalas };
}

export interface MonthlySavings {
  readonly month: number;
  readonly consumptionKilowattHours: number;
  readonly productionKilowattHours: number;
  /** Production used at home, never more than the month's consumption. */
  readonly selfConsumedKilowattHours: number;
  readonly exportedKilowattHours: number;
  readonly exportCreditHalalas: number;
  readonly billBeforeHalalas: number;
  readonly billAfterHalalas: number;
  readonly savingsHalalas: number;
}

export interface AnnualSavings {
  readonly months: readonly MonthlySavings[];
  readonly billBeforeHalalas: number;
  readonly billAfterHalalas: number;
  readonly savingsHalalas: number;
  /** Export credit left at the end of the year, carried forward and not counted as this year's savings. */
  readonly unusedExportCreditHalalas: number;
}

/**
 * Month by month: the self-consumed share of production (policy) displaces the most expensive kWh the home would
 * have bought, the rest is exported and credited at the export rate against the month's energy charge, before
 * VAT. A credit larger than the charge carries into later months, as net billing does.
 */
export function annualSavings(
  consumptionKilowattHours: readonly number[],
  productionKilowattHours: readonly number[],
  policy: Pick<SolarEstimatePolicy, 'residentialTariff' | 'vatBasisPoints' | 'exportCreditHalalasPerKilowattHour' | 'selfConsumptionBasisPoints'>,
): AnnualSavings {
  if (consumptionKilowattHours.length !== MONTHS_PER_YEAR || productionKilowattHours.length !== MONTHS_PER_YEAR) {
    throw new RangeError('consumption and production need 12 months each');
  }
  let carriedCreditHalalas = 0;
  const months = consumptionKilowattHours.map((consumption, index): MonthlySavings => {
    const production = productionKilowattHours[index]!;
    assertWholeKilowattHours(production, 'productionKilowattHours');
    const selfConsumed = Math.min(Math.floor((production * policy.selfConsumptionBasisPoints) / 10_000), consumption);
    const exported = production - selfConsumed;
    const exportCreditHalalas = exported * policy.exportCreditHalalasPerKilowattHour;
    const billBefore = billFor(energyChargeHalalas(consumption, policy.residentialTariff), policy);
    const chargeAfterSelfConsumption = energyChargeHalalas(consumption - selfConsumed, policy.residentialTariff);
    const availableCreditHalalas = carriedCreditHalalas + exportCreditHalalas;
    const creditUsedHalalas = Math.min(availableCreditHalalas, chargeAfterSelfConsumption);
    carriedCreditHalalas = availableCreditHalalas - creditUsedHalalas;
    const billAfter = billFor(chargeAfterSelfConsumption - creditUsedHalalas, policy);
    return {
      month: index + 1,
      consumptionKilowattHours: consumption,
      productionKilowattHours: production,
      selfConsumedKilowattHours: selfConsumed,
      exportedKilowattHours: exported,
      exportCreditHalalas,
      billBeforeHalalas: billBefore.totalHalalas,
      billAfterHalalas: billAfter.totalHalalas,
      savingsHalalas: billBefore.totalHalalas - billAfter.totalHalalas,
    };
  });
  const total = (pick: (month: MonthlySavings) => number): number => months.reduce((sum, month) => sum + pick(month), 0);
  return {
    months,
    billBeforeHalalas: total((month) => month.billBeforeHalalas),
    billAfterHalalas: total((month) => month.billAfterHalalas),
    savingsHalalas: total((month) => month.savingsHalalas),
    unusedExportCreditHalalas: carriedCreditHalalas,
  };
}

function assertWholeKilowattHours(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole, non-negative number of kWh, got ${value}`);
}
