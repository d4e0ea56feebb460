/**
 * Who may touch what, over HTTP through the real authorizer: a customer reaches only their own plans and
 * assessments, and another customer's ids answer exactly like ids that do not exist. The routes come from the route
 * table, so a new route with a plan or assessment id in its path is covered without editing this file.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../lib/local/runtime.ts';
import { KmsAccessTokenSigner } from '../../shared/identity/adapters/kms-token-signer.ts';
import { createKmsClient } from '../../shared/kernel/crypto/kms-client.ts';
import { tokenIssuer } from '../../shared/kernel/config/security-config.ts';
import { ulidGenerator } from '../../shared/kernel/clock-and-ids.ts';
import { APPLICATION_KEYS } from '../../shared/kernel/deployment/kms-keys.ts';
import { ROLES, type Role } from '../../shared/kernel/http/roles.ts';
import { routeList } from '../../shared/catalog/routes.ts';
import { signAccessToken } from '../../shared/identity/app/token-issuer.ts';
import { apiClient, type Tokens } from '../support/api-client.ts';
import { assessedCustomer, REGISTRATION } from '../support/customer-setup.ts';
import { startTestRuntime } from '../support/local-runtime.ts';
import { randomNationalId } from '../support/national-ids.ts';
import { signIn } from '../support/sign-in.ts';

/** A valid body for each owner-scoped write, so that only ownership can be the reason for a refusal. */
const VALID_BODIES: Readonly<Record<string, unknown>> = {
  CreatePayment: { amountHalalas: 1_000, method: 'MADA' },
  RequestEarlySettlement: { method: 'MADA' },
};

const roleProtectedRoutes = routeList.filter((route) => route.access.kind === 'roles');
/** A syntactically valid id for every path parameter, so only the token can decide the answer. */
const concretePath = (path: string): string => path.replace(/\{[^}]+\}/g, () => ulidGenerator.newId());

const ownerScopedRoutes = routeList.filter((route) => route.path.includes('{planId}') || route.path.includes('{assessmentId}'));

describe('access control over HTTP', () => {
  let runtime: LocalRuntime;
  let owner: Tokens;
  let intruder: Tokens;
  let planId: string;
  let assessmentId: string;

  beforeAll(async () => {
    runtime = await startTestRuntime();
    const api = apiClient(runtime.baseUrl);
    owner = await assessedCustomer(runtime.baseUrl);
    const offer = await api.call<{ offerId: string }>('POST', '/v1/plans/offers', { token: owner.accessToken, body: { amountHalalas: 50_000, installmentCount: 2 } });
    const plan = await api.call<{ planId: string }>('POST', '/v1/plans', { token: owner.accessToken, body: { offerId: offer.body.offerId }, headers: { 'idempotency-key': randomUUID() } });
    planId = plan.body.planId;
    const assessment = await api.call<{ assessmentId: string }>('POST', '/v1/customers/me/credit-assessments', { token: owner.accessToken, body: { consent: true } });
    assessmentId = assessment.body.assessmentId;
    intruder = await signIn(runtime.baseUrl, randomNationalId());
    await api.call('POST', '/v1/customers', { token: intruder.accessToken, body: REGISTRATION });
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it('covers every route whose path names a plan or an assessment, with a valid body for each that takes one', () => {
    expect(ownerScopedRoutes.map((route) => route.id).sort()).toEqual(['CancelPlan', 'CreatePayment', 'GetCreditAssessment', 'GetPlan', 'GetPlanStatement', 'RequestEarlySettlement']);
    expect(ownerScopedRoutes.filter((route) => route.request.body !== undefined).map((route) => route.id).sort()).toEqual(Object.keys(VALID_BODIES).sort());
  });

  it("answers another customer's plan and assessment ids with 404 on every route, and changes nothing", async () => {
    const api = apiClient(runtime.baseUrl);
    const before = await api.call('GET', `/v1/plans/${planId}`, { token: owner.accessToken });

    for (const route of ownerScopedRoutes) {
      const path = route.path.replace('{planId}', planId).replace('{assessmentId}', assessmentId);
      const response = await api.call<{ error: { code: string } }>(route.method, path, {
        token: intruder.accessToken,
        body: route.request.body === undefined ? undefined : VALID_BODIES[route.id],
        headers: route.request.requiresIdempotencyKey ? { 'idempotency-key': randomUUID() } : {},
      });

      expect({ route: route.id, status: response.status }).toEqual({ route: route.id, status: 404 });
      expect(response.body.error.code).toBe(route.path.includes('{planId}') ? 'PLAN_NOT_FOUND' : 'CREDIT_ASSESSMENT_NOT_FOUND');
    }
    expect((await api.call('GET', `/v1/plans/${planId}`, { token: owner.accessToken })).body).toEqual(before.body);
    expect((await api.call('GET', '/v1/plans', { token: intruder.accessToken })).body).toMatchObject({ plans: [] });
  });

  it("lets the owner reach the same plan and assessment, so the 404s above are about ownership", async () => {
    const api = apiClient(runtime.baseUrl);

    const plan = await api.call('GET', `/v1/plans/${planId}`, { token: owner.accessToken });
    const assessment = await api.call('GET', `/v1/customers/me/credit-assessments/${assessmentId}`, { token: owner.accessToken });

    expect([plan.status, assessment.status]).toEqual([200, 200]);
  });

  it('refuses a token whose signature was tampered with, and an unsigned token claiming staff roles, with 401', async () => {
    const api = apiClient(runtime.baseUrl);
    const [header, payload, signature] = owner.accessToken.split('.') as [string, string, string];
    const tampered = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const unsignedHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const unsigned = `${unsignedHeader}.${Buffer.from(JSON.stringify({ ...claims, roles: ['ops', 'compliance'] })).toString('base64url')}.`;

    const responses = await Promise.all([
      api.call<{ error: { code: string } }>('GET', `/v1/plans/${planId}`, { token: tampered }),
      api.call<{ error: { code: string } }>('GET', '/v1/ops/ledger/trial-balance', { token: unsigned }),
    ]);

    for (const response of responses) {
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('AUTHENTICATION_REQUIRED');
    }
  });

  it('answers every role-protected route with 401 for no token, an expired token or a bad signature, and 403 for a role it does not admit', async () => {
    const api = apiClient(runtime.baseUrl);
    const signer = new KmsAccessTokenSigner(createKmsClient(), process.env[APPLICATION_KEYS.tokenSigning.environmentVariable]!);
    const tokenFor = (roles: readonly Role[], issuedAt = new Date()) => signAccessToken(ulidGenerator.newId(), roles, { signer, clock: { now: () => issuedAt }, ids: ulidGenerator, issuer: tokenIssuer() });
    const expired = await tokenFor(['customer', 'ops', 'compliance'], new Date(Date.now() - 60 * 60 * 1000));
    const valid = await tokenFor(['customer']);
    const badSignature = `${valid.slice(0, -4)}${valid.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const answers: { route: string; case: string; status: number; code: string }[] = [];

    for (const route of roleProtectedRoutes) {
      const path = concretePath(route.path);
      const method = route.method === 'ANY' ? 'GET' : route.method;
      const admitted = route.access.kind === 'roles' ? route.access.roles : [];
      const outsider = ROLES.find((role) => !admitted.includes(role));
      const cases: [string, string | undefined][] = [
        ['no token', undefined],
        ['expired token', expired],
        ['bad signature', badSignature],
        ...(outsider === undefined ? [] : ([[`role ${outsider}`, await tokenFor([outsider])]] as [string, string][])),
      ];
      for (const [name, token] of cases) {
        const response = await api.call<{ error?: { code: string } }>(method, path, { token, body: route.request.body === undefined ? undefined : {}, headers: { 'idempotency-key': randomUUID() } });
        answers.push({ route: route.id, case: name, status: response.status, code: response.body.error?.code ?? '' });
      }
    }

    const unexpected = answers.filter((answer) =>
      answer.case.startsWith('role ') ? answer.status !== 403 || answer.code !== 'ROLE_NOT_PERMITTED' : answer.status !== 401 || answer.code !== 'AUTHENTICATION_REQUIRED',
    );
    expect(unexpected).toEqual([]);
    expect(answers.length).toBeGreaterThanOrEqual(roleProtectedRoutes.length * 4);
  });
});
