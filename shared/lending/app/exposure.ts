/** What a customer may still borrow: the lower of the SAMA limit and their credit ceiling, less what they owe. */
import { customersError } from '../../customers/index.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { availableExposureHalalas, borrowingLimitHalalas } from '../domain/offer-policy.ts';
import type { LendingDeps } from './lending-deps.ts';

export interface Exposure {
  readonly limitHalalas: number;
  readonly outstandingHalalas: number;
  readonly availableHalalas: number;
}

export async function exposureOf(principal: Principal, deps: Pick<LendingDeps, 'offerStore' | 'lending'>): Promise<Exposure> {
  const applicant = await deps.offerStore.findApplicant(principal.principalId);
  if (applicant === undefined) throw customersError('CUSTOMER_NOT_FOUND');
  const limitHalalas = borrowingLimitHalalas(applicant.latestAssessment, deps.lending);
  return { limitHalalas, outstandingHalalas: applicant.outstandingHalalas, availableHalalas: availableExposureHalalas(limitHalalas, applicant.outstandingHalalas) };
}
