/** The ledger context's routes. */
import { STANDARD_THROTTLE, defineRoute, type RouteDefinition } from '../../kernel/http/route.ts';
import { trialBalanceSchema } from './contracts.ts';

export const ledgerRoutes = {
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
} as const satisfies Record<string, RouteDefinition>;
