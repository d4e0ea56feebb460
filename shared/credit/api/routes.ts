/** The credit context's routes. */
import { STANDARD_THROTTLE, CUSTOMERS, defineRoute, type RouteDefinition } from '../../kernel/http/route.ts';
import { creditAssessmentPathSchema, creditAssessmentSchema, requestCreditAssessmentSchema } from './contracts.ts';

export const creditRoutes = {
  requestCreditAssessment: defineRoute({
    id: 'RequestCreditAssessment',
    method: 'POST',
    path: '/v1/customers/me/credit-assessments',
    handlerEntry: 'functions/credit/request-credit-assessment.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write'],
    summary: 'Asks for a SIMAH credit assessment, with explicit consent. Completes asynchronously.',
    request: { body: requestCreditAssessmentSchema },
    responses: { 202: { description: 'The assessment is pending.', schema: creditAssessmentSchema } },
    errorCodes: ['CONSENT_REQUIRED', 'CUSTOMER_NOT_FOUND', 'CONCURRENT_UPDATE'],
  }),
  getCreditAssessment: defineRoute({
    id: 'GetCreditAssessment',
    method: 'GET',
    path: '/v1/customers/me/credit-assessments/{assessmentId}',
    handlerEntry: 'functions/credit/get-credit-assessment.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read'],
    summary: "One of the caller's credit assessments.",
    request: { pathParameters: creditAssessmentPathSchema },
    responses: { 200: { description: 'The assessment.', schema: creditAssessmentSchema } },
    errorCodes: ['CREDIT_ASSESSMENT_NOT_FOUND'],
  }),
} as const satisfies Record<string, RouteDefinition>;
