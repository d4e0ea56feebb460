/** Lending's project-opening port, implemented by the projects context's own item builders and event. */
import { projectOpeningWrites } from '../../projects/index.ts';
import type { Plan } from '../domain/plan.ts';
import type { ProjectOpening } from '../app/ports.ts';

export class InstallationProjectOpening implements ProjectOpening {
  constructor(
    private readonly tableName: string,
    private readonly policy: { readonly coolingOffSeconds: number; readonly milestoneOneBasisPoints: number; readonly downPaymentWindowSeconds: number },
  ) {}

  open(plan: Plan, eventFacts: Parameters<ProjectOpening['open']>[1]): ReturnType<ProjectOpening['open']> {
    if (plan.purchase === undefined) throw new Error(`Plan ${plan.planId} finances no quote, so it has no project`);
    return projectOpeningWrites(
      this.tableName,
      {
        planId: plan.planId,
        customerId: plan.customerId,
        contractorId: plan.purchase.contractorId,
        requestId: plan.purchase.requestId,
        quoteId: plan.purchase.quoteId,
        // An offer on a quote is for the quote's total: the down payment and the financed part add up to it.
        totalHalalas: plan.amountHalalas,
        downPaymentHalalas: plan.downPaymentHalalas,
        financedHalalas: plan.financedHalalas,
        coolingOffEndsAt: new Date(plan.createdAt.getTime() + this.policy.coolingOffSeconds * 1000),
      },
      plan.createdAt,
      this.policy,
      eventFacts(),
    );
  }
}
