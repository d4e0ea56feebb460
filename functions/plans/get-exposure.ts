import { planDeps } from '../../shared/composition/plans.ts';
import { availableExposureHalalas, borrowingLimitHalalas } from '../../shared/domain/plans/offer-policy.ts';
import { RabhanError } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';

const { planStore, lending } = planDeps();

export const handler = httpHandler(routes.getExposure, async (request) => {
  const applicant = await planStore.findApplicant(request.principal.principalId);
  if (applicant === undefined) throw new RabhanError('CUSTOMER_NOT_FOUND');
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
