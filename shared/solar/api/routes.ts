/** The solar context's routes: the public calculator, stored estimates, and SEC electricity accounts. */
import { CUSTOMERS, OPTIONAL_CUSTOMER, PUBLIC, STANDARD_THROTTLE, defineRoute, type RouteDefinition, type RouteThrottle } from '../../kernel/http/route.ts';
import {
  createSolarEstimateRequestSchema,
  electricityAccountPathSchema,
  electricityAccountSchema,
  linkElectricityAccountRequestSchema,
  listSolarCitiesResponseSchema,
  solarEstimatePathSchema,
  solarEstimateSchema,
} from './contracts.ts';

/**
 * The calculator is the household's first contact and anonymous: its own route limit, so a flood of estimates cannot
 * take the stage's capacity from signed-in journeys. An anonymous estimate makes no AWS call, so it is cheap to serve.
 */
export const CALCULATOR_THROTTLE: RouteThrottle = { rateLimitPerSecond: 300, burstLimit: 600 };
/** Estimates one client address may ask for per WAF window (5 minutes): a household compares a few dozen at most. */
export const CALCULATOR_EDGE_RATE_LIMIT_PER_IP = 300;

export const solarRoutes = {
  listSolarCities: defineRoute({
    id: 'ListSolarCities',
    method: 'GET',
    path: '/v1/solar/cities',
    handlerEntry: 'functions/solar/list-solar-cities.ts',
    access: PUBLIC,
    throttle: STANDARD_THROTTLE,
    permissions: [],
    summary: 'The supported cities, with the monthly climate values the model uses and where each comes from.',
    request: {},
    responses: { 200: { description: 'Every supported city.', schema: listSolarCitiesResponseSchema } },
    errorCodes: [],
  }),
  createSolarEstimate: defineRoute({
    id: 'CreateSolarEstimate',
    method: 'POST',
    path: '/v1/solar/estimates',
    handlerEntry: 'functions/solar/create-solar-estimate.ts',
    access: OPTIONAL_CUSTOMER,
    throttle: CALCULATOR_THROTTLE,
    edgeRateLimitPerIp: CALCULATOR_EDGE_RATE_LIMIT_PER_IP,
    permissions: ['table:read', 'table:write', 'token:read-public-key'],
    summary:
      "Estimates a rooftop system: size, production, savings on the SEC bill, indicative cost, payback and CO₂. Anonymous callers get the figures; a signed-in customer's estimate is stored and carries what they can finance. An invalid bearer token gets 401.",
    request: { body: createSolarEstimateRequestSchema },
    responses: { 200: { description: 'The estimate (stored, with an id, for a signed-in customer).', schema: solarEstimateSchema } },
    errorCodes: ['ROOF_AREA_TOO_SMALL', 'ELECTRICITY_ACCOUNT_NOT_FOUND', 'ELECTRICITY_CONSUMPTION_NOT_IMPORTED'],
  }),
  getSolarEstimate: defineRoute({
    id: 'GetSolarEstimate',
    method: 'GET',
    path: '/v1/solar/estimates/{estimateId}',
    handlerEntry: 'functions/solar/get-solar-estimate.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read'],
    summary: "One of the caller's stored estimates, as it was computed.",
    request: { pathParameters: solarEstimatePathSchema },
    responses: { 200: { description: 'The estimate.', schema: solarEstimateSchema } },
    errorCodes: ['SOLAR_ESTIMATE_NOT_FOUND'],
  }),
  linkElectricityAccount: defineRoute({
    id: 'LinkElectricityAccount',
    method: 'POST',
    path: '/v1/customers/me/electricity-accounts',
    handlerEntry: 'functions/solar/link-electricity-account.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read', 'table:write', 'pii:encrypt', 'pii:blind-index'],
    summary: 'Links an SEC electricity account, with explicit consent, and imports its last 12 months of consumption asynchronously.',
    request: { body: linkElectricityAccountRequestSchema },
    responses: { 202: { description: 'The import is pending.', schema: electricityAccountSchema } },
    errorCodes: ['CONSENT_REQUIRED', 'CUSTOMER_NOT_FOUND', 'ELECTRICITY_ACCOUNT_ALREADY_LINKED', 'CONCURRENT_UPDATE'],
  }),
  getElectricityAccount: defineRoute({
    id: 'GetElectricityAccount',
    method: 'GET',
    path: '/v1/customers/me/electricity-accounts/{accountId}',
    handlerEntry: 'functions/solar/get-electricity-account.ts',
    access: CUSTOMERS,
    throttle: STANDARD_THROTTLE,
    permissions: ['table:read'],
    summary: "One of the caller's electricity accounts: its import status, 12 months of consumption and a solar suitability score.",
    request: { pathParameters: electricityAccountPathSchema },
    responses: { 200: { description: 'The account.', schema: electricityAccountSchema } },
    errorCodes: ['ELECTRICITY_ACCOUNT_NOT_FOUND'],
  }),
} as const satisfies Record<string, RouteDefinition>;
