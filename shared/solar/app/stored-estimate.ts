/** An estimate as a signed-in customer's record: the figures, the financing view then, and where they came from. */
import type { FinancingView } from '../../lending/index.ts';
import type { SolarEstimateFigures } from '../domain/estimate.ts';

/**
 * Lending's view, except that a caller who has not registered is told so by the rule code an offer would answer
 * with (CUSTOMER_NOT_FOUND) instead of lending's own rules.
 */
export type SolarFinancingView = Omit<FinancingView, 'violations'> & { readonly violations: readonly string[] };

export interface StoredSolarEstimate {
  readonly estimateId: string;
  readonly customerId: string;
  readonly createdAt: Date;
  readonly electricityAccountId?: string;
  readonly figures: SolarEstimateFigures;
  readonly financing: SolarFinancingView;
}
