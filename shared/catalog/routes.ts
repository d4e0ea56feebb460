/**
 * The HTTP API: every context's routes, joined. The CDK API stack builds API Gateway resources, Lambda functions,
 * throttling and authorizers from it, the local runtime serves it, and the OpenAPI document is generated from it.
 * A route is declared once, in its context's `api/routes.ts`; joining refuses a name two contexts declare.
 */
import { creditRoutes } from '../credit/api/routes.ts';
import { customersRoutes } from '../customers/api/routes.ts';
import { identityRoutes } from '../identity/api/routes.ts';
import type { RouteDefinition } from '../kernel/http/route.ts';
import { ledgerRoutes } from '../ledger/api/routes.ts';
import { lendingRoutes } from '../lending/api/routes.ts';
import { paymentsRoutes } from '../payments/api/routes.ts';
import { platformRoutes } from '../platform/api/routes.ts';
import { solarRoutes } from '../solar/api/routes.ts';
import { contractorsRoutes } from '../contractors/api/routes.ts';
import { marketplaceRoutes } from '../marketplace/api/routes.ts';
import { projectsRoutes } from '../projects/api/routes.ts';
import { joinDeclarations } from './join.ts';

const ROUTES_BY_CONTEXT = {
  platform: platformRoutes,
  identity: identityRoutes,
  customers: customersRoutes,
  credit: creditRoutes,
  lending: lendingRoutes,
  payments: paymentsRoutes,
  ledger: ledgerRoutes,
  solar: solarRoutes,
  contractors: contractorsRoutes,
  marketplace: marketplaceRoutes,
  projects: projectsRoutes,
} as const;

export const routes = joinDeclarations<RouteDefinition>('route', ROUTES_BY_CONTEXT) as typeof platformRoutes &
  typeof identityRoutes &
  typeof customersRoutes &
  typeof creditRoutes &
  typeof lendingRoutes &
  typeof paymentsRoutes &
  typeof ledgerRoutes &
  typeof solarRoutes &
  typeof contractorsRoutes &
  typeof marketplaceRoutes &
  typeof projectsRoutes;

export type RouteName = keyof typeof routes;

/** The Lambda REQUEST authorizer in front of every route whose access is by role. */
export const AUTHORIZER_HANDLER_ENTRY = 'functions/identity/authorize.ts';

const pathParameterCount = (route: RouteDefinition): number => (route.path.match(/\{/g) ?? []).length;

/**
 * Every route, most specific first, as API Gateway matches them: static segments beat path parameters
 * (`/v1/customers/me` before `/v1/customers/{customerId}`) and the catch-all comes last.
 */
export const routeList: readonly RouteDefinition[] = Object.values(routes).sort(
  (a, b) => Number(a.path.includes('{proxy+}')) - Number(b.path.includes('{proxy+}')) || pathParameterCount(a) - pathParameterCount(b),
);

export { PARTNER_CALLBACK_PATH_PREFIX, type HttpMethod, type RouteAccess, type RouteDefinition, type RouteThrottle } from '../kernel/http/route.ts';
