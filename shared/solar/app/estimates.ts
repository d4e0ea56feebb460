/**
 * Solar estimates. An anonymous estimate is computed and returned, never stored, and touches no AWS service. A
 * signed-in customer's is made in two DynamoDB round trips: one read of their customer item (and the electricity
 * account it is made from), one write of the estimate.
 */
import { residencyViolations } from '../../customers/index.ts';
import { financingView, type Applicant } from '../../lending/index.ts';
import { riyadhCalendarDate } from '../../kernel/calendar-date.ts';
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import type { LendingPolicy } from '../../kernel/policy.ts';
import { solarError } from '../api/error-codes.ts';
import { findCity } from '../domain/cities.ts';
import { consumptionByCalendarMonth } from '../domain/electricity-account.ts';
import { estimateSolarSystem, type SolarEstimateFigures } from '../domain/estimate.ts';
import type { SolarEstimatePolicy } from '../domain/estimate-policy.ts';
import type { SolarEstimateStore } from './ports.ts';
import type { SolarFinancingView, StoredSolarEstimate } from './stored-estimate.ts';

export interface EstimateRequest {
  readonly cityId: string;
  readonly monthlyConsumptionKilowattHours?: readonly number[];
  readonly electricityAccountId?: string;
  readonly roofAreaSquareMeters: number;
  readonly tiltDegrees?: number;
  readonly azimuthDegrees?: number;
  readonly shadingLossPercent?: number;
  readonly targetOffsetPercent?: number;
  readonly installmentCount?: number;
}

export interface EstimateDeps {
  readonly estimateStore: SolarEstimateStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly solar: SolarEstimatePolicy;
  readonly lending: LendingPolicy;
}

/** What the caller gets back: the figures, and for a signed-in customer the stored record's id and financing. */
export interface EstimateResult {
  readonly estimateId?: string;
  readonly createdAt: Date;
  readonly electricityAccountId?: string;
  readonly figures: SolarEstimateFigures;
  readonly financing?: SolarFinancingView;
}

export async function createSolarEstimate(
  command: { readonly principal: Principal | undefined; readonly request: EstimateRequest },
  deps: EstimateDeps,
): Promise<EstimateResult> {
  const { principal, request } = command;
  const now = deps.clock.now();
  if (principal === undefined) {
    // Only a customer's own imported account can feed an estimate, so an account needs a signed-in owner.
    if (request.electricityAccountId !== undefined) throw kernelError('AUTHENTICATION_REQUIRED');
    return { createdAt: now, figures: figuresFor(request, request.monthlyConsumptionKilowattHours!, deps.solar) };
  }
  const { estimateStore, ids, lending } = deps;
  const customerId = principal.principalId;
  const { applicant, account } = await estimateStore.readEstimateContext(customerId, request.electricityAccountId);
  let consumption = request.monthlyConsumptionKilowattHours;
  if (request.electricityAccountId !== undefined) {
    if (account === undefined) throw solarError('ELECTRICITY_ACCOUNT_NOT_FOUND');
    if (account.status !== 'IMPORTED' || account.months === undefined) throw solarError('ELECTRICITY_CONSUMPTION_NOT_IMPORTED');
    consumption = consumptionByCalendarMonth(account.months);
  }
  const figures = figuresFor(request, consumption!, deps.solar);
  const installmentCount = request.installmentCount ?? lending.installmentCountMax;
  const estimate: StoredSolarEstimate = {
    estimateId: ids.newId(),
    customerId,
    createdAt: now,
    electricityAccountId: request.electricityAccountId,
    figures,
    financing: financingFor(applicant, figures.costRange.highHalalas, installmentCount, now, lending),
  };
  await estimateStore.saveEstimate(estimate);
  return estimate;
}

export async function getSolarEstimate(
  command: { readonly principal: Principal; readonly estimateId: string },
  deps: { readonly estimateStore: Pick<SolarEstimateStore, 'findEstimate'> },
): Promise<StoredSolarEstimate> {
  // Scoped by the caller's own id, so another customer's estimate is simply not found.
  const estimate = await deps.estimateStore.findEstimate(command.principal.principalId, command.estimateId);
  if (estimate === undefined) throw solarError('SOLAR_ESTIMATE_NOT_FOUND');
  return estimate;
}

function figuresFor(request: EstimateRequest, monthlyConsumptionKilowattHours: readonly number[], policy: SolarEstimatePolicy): SolarEstimateFigures {
  // The contract admits only supported cities, so a miss here is a bug, not a client error.
  const city = findCity(request.cityId);
  if (city === undefined) throw new Error(`Unsupported city reached the use-case: ${request.cityId}`);
  const outcome = estimateSolarSystem({ ...request, city, monthlyConsumptionKilowattHours }, policy);
  if (outcome.kind === 'roof-too-small') {
    throw solarError('ROOF_AREA_TOO_SMALL', {
      details: [{ field: 'body.roofAreaSquareMeters', issue: `holds ${outcome.roofCapacityWatts} W; the smallest system allowed is ${policy.systemSizeMinWatts} W` }],
    });
  }
  return outcome.figures;
}

/**
 * The view plans for the high end of the indicative cost, so that the down payment it shows is not understated.
 * Age is not re-checked here: it would mean decrypting the date of birth on a public route; an offer re-checks it.
 */
function financingFor(applicant: Applicant | undefined, priceHalalas: number, installmentCount: number, now: Date, policy: LendingPolicy): SolarFinancingView {
  if (applicant === undefined) {
    return { priceHalalas, financeableHalalas: 0, downPaymentHalalas: priceHalalas, violations: ['CUSTOMER_NOT_FOUND'], limitHalalas: 0, outstandingHalalas: 0, installmentCount, installments: [] };
  }
  return financingView(
    {
      identityVerified: true,
      latestAssessment: applicant.latestAssessment,
      eligibilityViolations: residencyViolations(applicant.nationalIdKind, policy),
      installmentCount,
      outstandingHalalas: applicant.outstandingHalalas,
      plansInArrears: applicant.plansInArrears,
      now,
      priceHalalas,
      startDate: riyadhCalendarDate(now),
    },
    policy,
  );
}
