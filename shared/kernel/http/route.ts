/**
 * What a route is: the shape every context's route table follows. Each context declares its routes in
 * `<context>/api/routes.ts`; the catalogue joins them for the CDK API stack, the local runtime and the OpenAPI document.
 */
import type * as z from 'zod';
import type { Permission } from '../deployment/permissions.ts';
import type { Role } from './roles.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';

export type RouteAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[] }
  /**
   * Open to anyone, with no authorizer in front: the handler itself verifies a bearer token when one is sent (an
   * invalid one gets 401) and serves a signed-in caller with one of these roles more than an anonymous one.
   */
  | { readonly kind: 'optional-sign-in'; readonly roles: readonly Role[] };

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
  /**
   * A public route that computes for anyone gets its own WAF rate rule, scoped to its exact path: requests one client
   * IP may send to it per WAF window (lib/constructs/api-firewall.ts), below the API-wide per-IP limit.
   */
  readonly edgeRateLimitPerIp?: number;
}

/** Default per-route throttle; the stage-wide limit and the WAF rate rule sit above it. */
export const STANDARD_THROTTLE: RouteThrottle = { rateLimitPerSecond: 100, burstLimit: 200 };
/** Sign-in starts a NAFATH push to a phone: throttled harder than ordinary routes, on top of per-ID limits. */
export const SIGN_IN_THROTTLE: RouteThrottle = { rateLimitPerSecond: 20, burstLimit: 40 };
export const PUBLIC = { kind: 'public' } as const satisfies RouteAccess;
/**
 * Where partners (NAFATH, the payment gateway) call us back. Their calls come from few addresses and are
 * authenticated by signature, so the edge firewall rate-limits this prefix separately from customers' traffic.
 */
export const PARTNER_CALLBACK_PATH_PREFIX = '/v1/integrations/';
export const CUSTOMERS = { kind: 'roles', roles: ['customer'] } as const satisfies RouteAccess;
/** Anyone; a signed-in customer gets their own view as well. */
export const OPTIONAL_CUSTOMER = { kind: 'optional-sign-in', roles: ['customer'] } as const satisfies RouteAccess;

export function defineRoute<const TRoute extends RouteDefinition>(route: TRoute): TRoute {
  return route;
}
