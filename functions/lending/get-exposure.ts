import { planDeps } from '../../shared/lending/compose.ts';
import { availableExposureHalalas, borrowingLimitHalalas } from '../../shared/lending/domain/offer-policy.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { routes } from '../../shared/catalog/routes.ts';
import { customersError } from '../../shared/customers/api/error-codes.ts';

const { planStore, lending } = planDeps();

export const handler = httpHandler(routes.getExposure, async (request) => {
  const applicant = await planStore.findApplicant(request.principal.principalId);
  if (applicant === undefined) throw customersError('CUSTOMER_NOT_FOUND');
  const limitHalalas = borrowingLimitHalalas(applicant.latestAssessment, lending);
  return {
    statusCode: 200,
    body: {
      limitHalalas,
      outstandingHalalas: applicant.outstandingHalalas,
      availableHalalas: availableExposureHalalas(limitHalalas, applicant.outstandingHalalas),
    },
  };
});
