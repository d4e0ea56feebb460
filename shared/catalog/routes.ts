/**
 * The route table: the single source of truth for the HTTP API.
 * The CDK API stack builds API Gateway resources, Lambda functions, throttling and authorizers from it,
 * the local runtime serves it, and the OpenAPI document is generated from it. Add a route here and nowhere else.
 */
import type * as z from 'zod';
import type { Permission } from '../kernel/deployment/permissions.ts';
import type { Role } from '../kernel/http/roles.ts';
import { healthResponseSchema, openApiDocumentSchema } from '../platform/api/contracts.ts';
import {
  acceptedResponseSchema,
  issuedTokensSchema,
  jwksResponseSchema,
  nafathCallbackSchema,
  nafathSessionPathSchema,
  nafathSessionResponseSchema,
  refreshTokensRequestSchema,
  startNafathSessionRequestSchema,
  startNafathSessionResponseSchema,
} from '../identity/api/contracts.ts';
import {
  creditAssessmentPathSchema,
  creditAssessmentSchema,
  customerPathSchema,
  customerProfileSchema,
  registerCustomerRequestSchema,
  requestCreditAssessmentSchema,
  staffViewQuerySchema,
  updateContactRequestSchema,
} from '../customers/api/contracts.ts';
import {
  createOfferRequestSchema,
  createPaymentRequestSchema,
  createPlanRequestSchema,
  earlySettlementRequestSchema,
  exposureSchema,
  listPlansQuerySchema,
  offerSchema,
  paymentSchema,
  paymentWebhookSchema,
  planPageSchema,
  planPathSchema,
  planSchema,
  statementQuerySchema,
  statementSchema,
  trialBalanceSchema,
} from '../lending/api/contracts.ts';
import {
  reconciliationItemPathSchema,
  reconciliationItemSchema,
  reconciliationListQuerySchema,
  reconciliationPageSchema,
  resolutionRequestSchema,
} from '../payments/api/reconciliation-contracts.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';

export type RouteAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[] };

export interface RouteThrottle {
  /** Steady-state requests per second across all clients for this route. */
  readonly rateLimitPerSecond: number;
  readonly burstLimit: number;
}

export interface RouteRequestContract {
  readonly body?: z.ZodType;
  readonly pathParameters?: z.ZodObject;
  readonly query?: z.ZodObject;
  /** Routes that move money or create resources require an `Idempotency-Key` header. */
  readonly requiresIdempotencyKey?: boolean;
}

export interface RouteResponseContract {
  readonly description: string;
  readonly schema?: z.ZodType;
}

export interface RouteDefinition {
  /** Stable PascalCase id; names the Lambda function and the OpenAPI operation. */
  readonly id: string;
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/v1/customers/{customerId}`; `{proxy+}` is the catch-all. */
  readonly path: string;
  /** Module exporting `handler`, relative to the project root. */
  readonly handlerEntry: `functions/${string}.ts`;
  readonly access: RouteAccess;
  readonly throttle: RouteThrottle;
  readonly permissions: readonly Permission[];
  readonly summary: string;
  readonly request: RouteRequestContract;
  readonly responses: Readonly<Record<number, RouteResponseContract>>;
  /** Domain error codes this route can answer with, documented in OpenAPI. */
  readonly errorCodes: readonly string[];
  /** Left out of the OpenAPI document (the catch-all). */
  readonly undocumented?: boolean;
}

/** The Lambda REQUEST authorizer in front of every route whose access is by role. */
export const AUTHORIZER_HANDLER_ENTRY = 'functions/identity/authorize.ts';

/** Default per-route throttle; the stage-wide limit and the WAF rate rule sit above it. */
const STANDARD_THROTTLE: RouteThrottle = { rateLimitPerSecond: 100, burstLimit: 200 };
/** Sign-in starts a NAFATH push to a phone: throttled harder than ordinary routes, on top of per-ID limits. */
const SIGN_IN_THROTTLE: RouteThrottle = { rateLimitPerSecond: 20, burstLimit: 40 };
const PUBLIC: RouteAccess = { kind: 'public' };
/**
 * Where partners (NAFATH, the payment gateway) call us back. Their calls come from few addresses and are
 * authenticated by signature, so the edge firewall rate-limits this prefix separately from customers' traffic.
 */
export const PARTNER_CALLBACK_PATH_PREFIX = '/v1/integrations/';
const CUSTOMERS: RouteAccess = { kind: 'roles', roles: ['customer'] };

function defineRoute<const TRoute extends RouteDefinition>(route: TRoute): TRoute {
  return route;
}

export const routes = {
  getHealth: defineRoute({
    id: 'GetHealth',
    method: 'GET',
    path: '/v1/health',
    handlerEntry: 'functions/platform/get-health.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: [],
    summary: 'Liveness of the API with the deployed version and region.',
    request: {},
    responses: { 200: { description: 'The API is serving.', schema: healthResponseSchema } },
    errorCodes: [],
  }),
  getOpenApiDocument: defineRoute({
    id: 'GetOpenApiDocument',
    method: 'GET',
    path: '/v1/openapi.json',
    handlerEntry: 'functions/platform/get-openapi-document.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: [],
    summary: 'This API described as an OpenAPI 3.1 document generated from the route table.',
    request: {},
    responses: { 200: { description: 'The OpenAPI document.', schema: openApiDocumentSchema } },
    errorCodes: [],
  }),
  startNafathSession: defineRoute({
    id: 'StartNafathSession',
    method: 'POST',
    path: '/v1/auth/nafath/sessions',
    handlerEntry: 'functions/identity/start-nafath-session.ts',
    access: PUBLIC,
    throttle: SIGN_IN_THROTTLE,
    permissions: ['table:read', 'table:write', 'pii:encrypt', 'pii:blind-index'],
    summary: 'Starts a NAFATH sign-in: the person picks the returned random number in the Nafath app.',
    request: { body: startNafathSessionRequestSchema },
    responses: { 202: { description: 'NAFATH asked the person to approve.', schema: startNafathSessionResponseSchema } },
    errorCodes: ['INVALID_NATIONAL_ID', 'RATE_LIMITED', 'IDENTITY_SERVICE_UNAVAILABLE', 'CONCURRENT_UPDATE'],
  }),
  pollNafathSession: defineRoute({
    id: 'PollNafathSession',
    method: 'GET',
    path: '/v1/auth/nafath/sessions/{sessionId}',
    handlerEntry: 'functions/identity/poll-nafath-session.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'token:sign'],
    summary: 'Reports a sign-in session; on the first poll after approval it hands out the tokens, once. Requires X-Poll-Token.',
    request: { pathParameters: nafathSessionPathSchema },
    responses: { 200: { description: 'The session state.', schema: nafathSessionResponseSchema } },
    errorCodes: ['NAFATH_SESSION_NOT_FOUND', 'CONCURRENT_UPDATE'],
  }),
  recordNafathOutcome: defineRoute({
    id: 'RecordNafathOutcome',
    method: 'POST',
    path: `${PARTNER_CALLBACK_PATH_PREFIX}nafath/callback`,
    handlerEntry: 'functions/identity/record-nafath-outcome.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'secret:nafath-callback'],
    summary: 'NAFATH reports a sign-in outcome. Signed with HMAC-SHA-256 over `timestamp.body` (X-Nafath-Timestamp, X-Nafath-Signature).',
    request: { body: nafathCallbackSchema },
    responses: { 200: { description: 'The outcome was recorded.', schema: acceptedResponseSchema } },
    errorCodes: ['CALLBACK_SIGNATURE_INVALID', 'CALLBACK_REPLAYED', 'NAFATH_SESSION_NOT_FOUND', 'CONCURRENT_UPDATE'],
  }),
  refreshTokens: defineRoute({
    id: 'RefreshTokens',
    method: 'POST',
    path: '/v1/auth/tokens/refresh',
    handlerEntry: 'functions/identity/refresh-tokens.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'token:sign'],
    summary: 'Exchanges a refresh token for new tokens. Each refresh token works once; reusing an old one revokes the family.',
    request: { body: refreshTokensRequestSchema },
    responses: { 200: { description: 'New tokens.', schema: issuedTokensSchema } },
    errorCodes: ['REFRESH_TOKEN_INVALID', 'CONCURRENT_UPDATE'],
  }),
  getJsonWebKeySet: defineRoute({
    id: 'GetJsonWebKeySet',
    method: 'GET',
    path: '/v1/.well-known/jwks.json',
    handlerEntry: 'functions/identity/get-json-web-key-set.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: ['token:read-public-key'],
    summary: 'Public keys that verify access tokens.',
    request: {},
    responses: { 200: { description: 'The key set.', schema: jwksResponseSchema } },
    errorCodes: [],
  }),
  registerCustomer: defineRoute({
    id: 'RegisterCustomer',
    method: 'POST',
    path: '/v1/customers',
    handlerEntry: 'functions/customers/register-customer.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'pii:encrypt', 'pii:decrypt'],
    summary: 'Registers the signed-in person as a customer. The national ID comes from NAFATH, never from the body.',
    request: { body: registerCustomerRequestSchema },
    responses: { 201: { description: 'The new customer profile.', schema: customerProfileSchema } },
    errorCodes: ['RESIDENCY_NOT_ELIGIBLE', 'AGE_BELOW_MINIMUM', 'CUSTOMER_ALREADY_REGISTERED', 'CONCURRENT_UPDATE'],
  }),
  getOwnProfile: defineRoute({
    id: 'GetOwnProfile',
    method: 'GET',
    path: '/v1/customers/me',
    handlerEntry: 'functions/customers/get-own-profile.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'pii:decrypt'],
    summary: "The caller's full profile.",
    request: {},
    responses: { 200: { description: 'The profile.', schema: customerProfileSchema } },
    errorCodes: ['CUSTOMER_NOT_FOUND'],
  }),
  updateContact: defineRoute({
    id: 'UpdateContact',
    method: 'PATCH',
    path: '/v1/customers/me',
    handlerEntry: 'functions/customers/update-contact.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'pii:encrypt', 'pii:decrypt'],
    summary: "Changes the caller's contact fields; every change is audited.",
    request: { body: updateContactRequestSchema },
    responses: { 200: { description: 'The updated profile.', schema: customerProfileSchema } },
    errorCodes: ['CUSTOMER_NOT_FOUND', 'CONCURRENT_UPDATE'],
  }),
  getCustomerForStaff: defineRoute({
    id: 'GetCustomerForStaff',
    method: 'GET',
    path: '/v1/customers/{customerId}',
    handlerEntry: 'functions/customers/get-customer-for-staff.ts',
    // Customers are let through so that they get the same 404 as a missing record, leaking nothing.
    access: { kind: 'roles', roles: ['ops', 'compliance', 'customer'] },
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'pii:decrypt'],
    summary: 'A customer with masked personal data, for ops and compliance. Every view is audited.',
    request: { pathParameters: customerPathSchema, query: staffViewQuerySchema },
    responses: { 200: { description: 'The masked profile.', schema: customerProfileSchema } },
    errorCodes: ['CUSTOMER_NOT_FOUND', 'CONCURRENT_UPDATE'],
  }),
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
  createOffer: defineRoute({
    id: 'CreateOffer',
    method: 'POST',
    path: '/v1/plans/offers',
    handlerEntry: 'functions/lending/create-offer.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'pii:decrypt'],
    summary: 'Checks eligibility under the SAMA rules and returns a single-use installment offer (no fees, no interest).',
    request: { body: createOfferRequestSchema },
    responses: { 201: { description: 'The offer.', schema: offerSchema } },
    errorCodes: [
      'CUSTOMER_NOT_FOUND',
      'IDENTITY_NOT_VERIFIED',
      'CREDIT_ASSESSMENT_REQUIRED',
      'CREDIT_RISK_TOO_HIGH',
      'PLAN_IN_ARREARS',
      'CREDIT_ASSESSMENT_EXPIRED',
      'RESIDENCY_NOT_ELIGIBLE',
      'AGE_BELOW_MINIMUM',
      'DOWN_PAYMENT_OUT_OF_RANGE',
      'INSTALLMENT_COUNT_OUT_OF_RANGE',
      'EXPOSURE_LIMIT_EXCEEDED',
    ],
  }),
  createPlan: defineRoute({
    id: 'CreatePlan',
    method: 'POST',
    path: '/v1/plans',
    handlerEntry: 'functions/lending/create-plan.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write'],
    summary: 'Accepts an offer: reserves exposure, creates the plan, posts the opening journal. Requires Idempotency-Key.',
    request: { body: createPlanRequestSchema, requiresIdempotencyKey: true },
    responses: { 201: { description: 'The plan.', schema: planSchema } },
    errorCodes: ['OFFER_NOT_FOUND', 'OFFER_EXPIRED', 'OFFER_ALREADY_USED', 'CREDIT_ASSESSMENT_REQUIRED', 'CREDIT_RISK_TOO_HIGH', 'PLAN_IN_ARREARS', 'CREDIT_ASSESSMENT_EXPIRED', 'EXPOSURE_LIMIT_EXCEEDED', 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_IN_USE', 'CONCURRENT_UPDATE'],
  }),
  listPlans: defineRoute({
    id: 'ListPlans',
    method: 'GET',
    path: '/v1/plans',
    handlerEntry: 'functions/lending/list-plans.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read'],
    summary: "The caller's plans, newest first, with cursor pagination (limit at most 100).",
    request: { query: listPlansQuerySchema },
    responses: { 200: { description: 'A page of plans.', schema: planPageSchema } },
    errorCodes: [],
  }),
  getPlan: defineRoute({
    id: 'GetPlan',
    method: 'GET',
    path: '/v1/plans/{planId}',
    handlerEntry: 'functions/lending/get-plan.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read'],
    summary: 'One of the caller\'s plans with its installments.',
    request: { pathParameters: planPathSchema },
    responses: { 200: { description: 'The plan.', schema: planSchema } },
    errorCodes: ['PLAN_NOT_FOUND'],
  }),
  getPlanStatement: defineRoute({
    id: 'GetPlanStatement',
    method: 'GET',
    path: '/v1/plans/{planId}/statement',
    handlerEntry: 'functions/lending/get-plan-statement.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read'],
    summary: "The plan's journal entries in posting order, a page at a time (limit ≤ 100, cursor).",
    request: { pathParameters: planPathSchema, query: statementQuerySchema },
    responses: { 200: { description: 'The statement.', schema: statementSchema } },
    errorCodes: ['PLAN_NOT_FOUND'],
  }),
  getExposure: defineRoute({
    id: 'GetExposure',
    method: 'GET',
    path: '/v1/customers/me/exposure',
    handlerEntry: 'functions/lending/get-exposure.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read'],
    summary: "The caller's BNPL exposure against the SAMA limit.",
    request: {},
    responses: { 200: { description: 'The exposure.', schema: exposureSchema } },
    errorCodes: ['CUSTOMER_NOT_FOUND'],
  }),
  cancelPlan: defineRoute({
    id: 'CancelPlan',
    method: 'POST',
    path: '/v1/plans/{planId}/cancellation',
    handlerEntry: 'functions/lending/cancel-plan.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write'],
    summary:
      'Cancels a plan within the cooling-off window and before any payment: releases exposure and reverses the journal. Requires Idempotency-Key: a retry with the same key replays the original answer.',
    request: { pathParameters: planPathSchema, requiresIdempotencyKey: true },
    responses: { 200: { description: 'The cancelled plan.', schema: planSchema } },
    errorCodes: ['PLAN_NOT_FOUND', 'CANCELLATION_NOT_ALLOWED', 'CONCURRENT_UPDATE', 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_IN_USE'],
  }),
  createPayment: defineRoute({
    id: 'CreatePayment',
    method: 'POST',
    path: '/v1/plans/{planId}/payments',
    handlerEntry: 'functions/payments/create-payment.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write'],
    summary: 'Creates a PENDING payment intent and its gateway checkout reference. Money moves only when the gateway confirms. Requires Idempotency-Key.',
    request: { pathParameters: planPathSchema, body: createPaymentRequestSchema, requiresIdempotencyKey: true },
    responses: { 201: { description: 'The payment intent.', schema: paymentSchema } },
    errorCodes: ['PLAN_NOT_FOUND', 'PLAN_NOT_ACTIVE', 'PAYMENT_EXCEEDS_BALANCE', 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_IN_USE', 'CONCURRENT_UPDATE'],
  }),
  requestEarlySettlement: defineRoute({
    id: 'RequestEarlySettlement',
    method: 'POST',
    path: '/v1/plans/{planId}/early-settlement',
    handlerEntry: 'functions/payments/request-early-settlement.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write'],
    summary: 'Creates a payment intent for the whole remaining balance. Requires Idempotency-Key.',
    request: { pathParameters: planPathSchema, body: earlySettlementRequestSchema, requiresIdempotencyKey: true },
    responses: { 201: { description: 'The payment intent.', schema: paymentSchema } },
    errorCodes: ['PLAN_NOT_FOUND', 'PLAN_NOT_ACTIVE', 'PAYMENT_EXCEEDS_BALANCE', 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_IN_USE', 'CONCURRENT_UPDATE'],
  }),
  receivePaymentWebhook: defineRoute({
    id: 'ReceivePaymentWebhook',
    method: 'POST',
    path: `${PARTNER_CALLBACK_PATH_PREFIX}payments/webhook`,
    handlerEntry: 'functions/payments/receive-payment-webhook.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'secret:payment-webhook'],
    summary: 'The payment gateway confirms or fails a payment. Signed with HMAC-SHA-256 over `timestamp.body` (X-Gateway-Timestamp, X-Gateway-Signature).',
    request: { body: paymentWebhookSchema },
    responses: { 200: { description: 'Applied, or recognised as already applied.', schema: acceptedResponseSchema } },
    errorCodes: ['WEBHOOK_SIGNATURE_INVALID', 'PAYMENT_NOT_FOUND', 'VALIDATION_FAILED', 'RETRY_DELIVERY_LATER'],
  }),
  listReconciliationItems: defineRoute({
    id: 'ListReconciliationItems',
    method: 'GET',
    path: '/v1/ops/reconciliation/items',
    handlerEntry: 'functions/payments/list-reconciliation-items.ts',
    access: { kind: 'roles', roles: ['ops', 'compliance'] },
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read'],
    summary: 'Money the gateway reported that matched no payable intent, held in suspense, newest first (limit ≤ 100, cursor).',
    request: { query: reconciliationListQuerySchema },
    responses: { 200: { description: 'A page of the reconciliation queue.', schema: reconciliationPageSchema } },
    errorCodes: [],
  }),
  proposeReconciliationResolution: defineRoute({
    id: 'ProposeReconciliationResolution',
    method: 'POST',
    path: '/v1/ops/reconciliation/items/{itemId}/resolution-proposal',
    handlerEntry: 'functions/payments/propose-reconciliation-resolution.ts',
    access: { kind: 'roles', roles: ['ops'] },
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write'],
    summary: 'First pair of eyes: proposes the plan an item\'s money belongs to. Nothing moves until a different staff user confirms. Repeating the same proposal is answered as the first time.',
    request: { pathParameters: reconciliationItemPathSchema, body: resolutionRequestSchema },
    responses: { 200: { description: 'The item, with its proposal.', schema: reconciliationItemSchema } },
    errorCodes: ['RECONCILIATION_ITEM_NOT_FOUND', 'RECONCILIATION_ITEM_NOT_OPEN', 'PLAN_NOT_FOUND', 'RECONCILIATION_AMOUNT_EXCEEDS_BALANCE', 'CONCURRENT_UPDATE'],
  }),
  rejectReconciliationResolution: defineRoute({
    id: 'RejectReconciliationResolution',
    method: 'POST',
    path: '/v1/ops/reconciliation/items/{itemId}/resolution-rejection',
    handlerEntry: 'functions/payments/reject-reconciliation-resolution.ts',
    access: { kind: 'roles', roles: ['ops', 'compliance'] },
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write'],
    summary: 'Sends a proposal back (a wrong plan, or one that can no longer take the money): the item is OPEN again. Nothing moves.',
    request: { pathParameters: reconciliationItemPathSchema },
    responses: { 200: { description: 'The item, open again.', schema: reconciliationItemSchema } },
    errorCodes: ['RECONCILIATION_ITEM_NOT_FOUND', 'RECONCILIATION_ITEM_NOT_PROPOSED', 'CONCURRENT_UPDATE'],
  }),
  confirmReconciliationResolution: defineRoute({
    id: 'ConfirmReconciliationResolution',
    method: 'POST',
    path: '/v1/ops/reconciliation/items/{itemId}/resolution-confirmation',
    handlerEntry: 'functions/payments/confirm-reconciliation-resolution.ts',
    access: { kind: 'roles', roles: ['ops', 'compliance'] },
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write'],
    summary:
      'Second pair of eyes: a staff user other than the proposer confirms, naming the proposed plan again, and the money moves from suspense to the plan in one transaction. Confirming a resolved item again is answered as the first time.',
    request: { pathParameters: reconciliationItemPathSchema, body: resolutionRequestSchema },
    responses: { 200: { description: 'The resolved item.', schema: reconciliationItemSchema } },
    errorCodes: [
      'RECONCILIATION_ITEM_NOT_FOUND',
      'RECONCILIATION_ITEM_NOT_PROPOSED',
      'RECONCILIATION_PROPOSAL_MISMATCH',
      'FOUR_EYES_REQUIRED',
      'PLAN_NOT_FOUND',
      'RECONCILIATION_AMOUNT_EXCEEDS_BALANCE',
      'CONCURRENT_UPDATE',
    ],
  }),
  getTrialBalance: defineRoute({
    id: 'GetTrialBalance',
    method: 'GET',
    path: '/v1/ops/ledger/trial-balance',
    handlerEntry: 'functions/ledger/get-trial-balance.ts',
    access: { kind: 'roles', roles: ['ops'] },
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read'],
    summary: 'Total debits and credits per ledger account type; they must be equal.',
    request: {},
    responses: { 200: { description: 'The trial balance.', schema: trialBalanceSchema } },
    errorCodes: [],
  }),
  routeNotFound: defineRoute({
    id: 'RouteNotFound',
    method: 'ANY',
    path: '/{proxy+}',
    handlerEntry: 'functions/platform/route-not-found.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: [],
    summary: 'Catch-all, also behind every resource\'s ANY method: 405 with Allow for a method the resource does not declare, 404 for an unknown route.',
    request: {},
    responses: {},
    errorCodes: ['ROUTE_NOT_FOUND', 'METHOD_NOT_ALLOWED'],
    undocumented: true,
  }),
} as const satisfies Record<string, RouteDefinition>;

export type RouteName = keyof typeof routes;

const pathParameterCount = (route: RouteDefinition): number => (route.path.match(/\{/g) ?? []).length;

/**
 * Every route, most specific first, as API Gateway matches them: static segments beat path parameters
 * (`/v1/customers/me` before `/v1/customers/{customerId}`) and the catch-all comes last.
 */
export const routeList: readonly RouteDefinition[] = Object.values(routes).sort(
  (a, b) =>
    Number(a.path.includes('{proxy+}')) - Number(b.path.includes('{proxy+}')) || pathParameterCount(a) - pathParameterCount(b),
);
