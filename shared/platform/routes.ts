/**
 * The route table: the single source of truth for the HTTP API.
 * The CDK API stack builds API Gateway resources, Lambda functions, throttling and authorizers from it,
 * the local runtime serves it, and the OpenAPI document is generated from it. Add a route here and nowhere else.
 */
import type { z } from 'zod';
import type { ErrorCode } from '../http/error-codes.ts';
import type { Permission } from './permissions.ts';
import type { Role } from './roles.ts';
import { healthResponseSchema, openApiDocumentSchema } from '../contracts/platform.ts';
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
} from '../contracts/auth.ts';
import {
  creditAssessmentPathSchema,
  creditAssessmentSchema,
  customerPathSchema,
  customerProfileSchema,
  registerCustomerRequestSchema,
  requestCreditAssessmentSchema,
  staffViewQuerySchema,
  updateContactRequestSchema,
} from '../contracts/customers.ts';

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
  readonly errorCodes: readonly ErrorCode[];
  /** Left out of the OpenAPI document (the catch-all). */
  readonly undocumented?: boolean;
}

/** The Lambda REQUEST authorizer in front of every route whose access is by role. */
export const AUTHORIZER_HANDLER_ENTRY = 'functions/auth/authorize.ts';

/** Default per-route throttle; the stage-wide limit and the WAF rate rule sit above it. */
const STANDARD_THROTTLE: RouteThrottle = { rateLimitPerSecond: 100, burstLimit: 200 };
/** Sign-in starts a NAFATH push to a phone: throttled harder than ordinary routes, on top of per-ID limits. */
const SIGN_IN_THROTTLE: RouteThrottle = { rateLimitPerSecond: 20, burstLimit: 40 };
const PUBLIC: RouteAccess = { kind: 'public' };
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
    handlerEntry: 'functions/auth/start-nafath-session.ts',
    access: PUBLIC,
    throttle: SIGN_IN_THROTTLE,
    permissions: ['table:read', 'table:write', 'pii:encrypt', 'pii:blind-index'],
    summary: 'Starts a NAFATH sign-in: the person picks the returned random number in the Nafath app.',
    request: { body: startNafathSessionRequestSchema },
    responses: { 202: { description: 'NAFATH asked the person to approve.', schema: startNafathSessionResponseSchema } },
    errorCodes: ['INVALID_NATIONAL_ID', 'RATE_LIMITED', 'IDENTITY_SERVICE_UNAVAILABLE'],
  }),
  pollNafathSession: defineRoute({
    id: 'PollNafathSession',
    method: 'GET',
    path: '/v1/auth/nafath/sessions/{sessionId}',
    handlerEntry: 'functions/auth/poll-nafath-session.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'token:sign'],
    summary: 'Reports a sign-in session; on the first poll after approval it hands out the tokens, once. Requires X-Poll-Token.',
    request: { pathParameters: nafathSessionPathSchema },
    responses: { 200: { description: 'The session state.', schema: nafathSessionResponseSchema } },
    errorCodes: ['NAFATH_SESSION_NOT_FOUND'],
  }),
  recordNafathOutcome: defineRoute({
    id: 'RecordNafathOutcome',
    method: 'POST',
    path: '/v1/integrations/nafath/callback',
    handlerEntry: 'functions/auth/record-nafath-outcome.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write'],
    summary: 'NAFATH reports a sign-in outcome. Signed with HMAC-SHA-256 over `timestamp.body` (X-Nafath-Timestamp, X-Nafath-Signature).',
    request: { body: nafathCallbackSchema },
    responses: { 200: { description: 'The outcome was recorded.', schema: acceptedResponseSchema } },
    errorCodes: ['CALLBACK_SIGNATURE_INVALID', 'CALLBACK_REPLAYED', 'NAFATH_SESSION_NOT_FOUND'],
  }),
  refreshTokens: defineRoute({
    id: 'RefreshTokens',
    method: 'POST',
    path: '/v1/auth/tokens/refresh',
    handlerEntry: 'functions/auth/refresh-tokens.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'token:sign'],
    summary: 'Exchanges a refresh token for new tokens. Each refresh token works once; reusing an old one revokes the family.',
    request: { body: refreshTokensRequestSchema },
    responses: { 200: { description: 'New tokens.', schema: issuedTokensSchema } },
    errorCodes: ['REFRESH_TOKEN_INVALID'],
  }),
  getJsonWebKeySet: defineRoute({
    id: 'GetJsonWebKeySet',
    method: 'GET',
    path: '/v1/.well-known/jwks.json',
    handlerEntry: 'functions/auth/get-json-web-key-set.ts',
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
    errorCodes: ['RESIDENCY_NOT_ELIGIBLE', 'AGE_BELOW_MINIMUM', 'CUSTOMER_ALREADY_REGISTERED'],
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
    errorCodes: ['CONSENT_REQUIRED', 'CUSTOMER_NOT_FOUND'],
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
  routeNotFound: defineRoute({
    id: 'RouteNotFound',
    method: 'ANY',
    path: '/{proxy+}',
    handlerEntry: 'functions/platform/route-not-found.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: [],
    summary: 'Catch-all that answers unknown routes with 404 in the documented error format.',
    request: {},
    responses: {},
    errorCodes: ['ROUTE_NOT_FOUND'],
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
