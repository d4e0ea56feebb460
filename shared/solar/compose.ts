/** Builds the solar context's dependencies on first use, once per container. */
import { systemClock, ulidGenerator } from '../kernel/clock-and-ids.ts';
import { documentClient, once, platformConfig } from '../kernel/compose.ts';
import { loadLendingPolicy } from '../kernel/config/policy-config.ts';
import { accessTokenVerification, principalFromOptionalBearer } from '../identity/index.ts';
import type { Principal } from '../kernel/http/request-context.ts';
import { DynamoDbElectricityAccountStore } from './adapters/electricity-account-store.ts';
import { DynamoDbSolarEstimateStore } from './adapters/estimate-store.ts';
import { solarRoutes } from './api/routes.ts';
import type { EstimateDeps } from './app/estimates.ts';
import { loadSolarEstimatePolicy } from './policy-config.ts';

export const solarPolicy = /* @__PURE__ */ once(() => loadSolarEstimatePolicy());

/**
 * Estimates: the store is built here, but an anonymous estimate never calls it, so it makes no AWS call. Policy is
 * read once per container, as every context reads its own.
 */
export const estimateDeps = /* @__PURE__ */ once(
  (): EstimateDeps => ({
    estimateStore: new DynamoDbSolarEstimateStore(documentClient(), platformConfig().tableName),
    clock: systemClock,
    ids: ulidGenerator,
    solar: solarPolicy(),
    lending: loadLendingPolicy(),
  }),
);

/** The calculator's optional sign-in: the caller's principal from a bearer token verified like the authorizer does. */
export const optionalCustomer = /* @__PURE__ */ once(() => {
  const verification = accessTokenVerification();
  return (authorizationHeader: string | undefined): Promise<Principal | undefined> =>
    principalFromOptionalBearer(authorizationHeader, solarRoutes.createSolarEstimate.access.roles, verification, systemClock.now());
});

export const accountReadDeps = /* @__PURE__ */ once(() => ({
  accountStore: new DynamoDbElectricityAccountStore(documentClient(), platformConfig().tableName),
  solar: solarPolicy(),
}));
