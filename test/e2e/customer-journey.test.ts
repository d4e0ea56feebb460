import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../lib/local/runtime.ts';
import { apiClient } from '../support/api-client.ts';
import { eventually } from '../support/eventually.ts';
import { startTestRuntime } from '../support/local-runtime.ts';
import { randomNationalId } from '../support/national-ids.ts';
import { signIn } from '../support/sign-in.ts';
import { REGISTRATION } from '../support/customer-setup.ts';

const registration = REGISTRATION;

describe('a new customer over HTTP', () => {
  let runtime: LocalRuntime;

  beforeAll(async () => {
    runtime = await startTestRuntime();
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it('signs in with NAFATH, registers, requests a credit assessment and sees it complete', async () => {
    const api = apiClient(runtime.baseUrl);
    const nationalId = randomNationalId();

    const tokens = await signIn(runtime.baseUrl, nationalId);
    const registered = await api.call('POST', '/v1/customers', { token: tokens.accessToken, body: registration });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ nationalId, phone: '+966512345678', fullName: registration.fullName });

    const requested = await api.call<{ assessmentId: string; status: string }>('POST', '/v1/customers/me/credit-assessments', {
      token: tokens.accessToken,
      body: { consent: true },
    });
    expect(requested.status).toBe(202);
    expect(requested.body.status).toBe('PENDING');

    const completed = await eventually(
      async () => {
        const polled = await api.call<{ status: string; riskCategory?: string; maximumFinancingHalalas?: number }>(
          'GET',
          `/v1/customers/me/credit-assessments/${requested.body.assessmentId}`,
          { token: tokens.accessToken },
        );
        return polled.body.status === 'PENDING' ? undefined : polled.body;
      },
      { description: 'the SIMAH assessment to complete' },
    );
    expect(completed.status).toBe('COMPLETED');
    expect(['LOW', 'MEDIUM']).toContain(completed.riskCategory);
    expect(Number.isInteger(completed.maximumFinancingHalalas)).toBe(true);
  });

  it('hands out tokens once, refuses a second registration of the same person and returns the profile to its owner', async () => {
    const api = apiClient(runtime.baseUrl);
    const nationalId = randomNationalId();
    const tokens = await signIn(runtime.baseUrl, nationalId);

    expect((await api.call('POST', '/v1/customers', { token: tokens.accessToken, body: registration })).status).toBe(201);
    const again = await api.call<{ error: { code: string } }>('POST', '/v1/customers', { token: tokens.accessToken, body: registration });
    const profile = await api.call('GET', '/v1/customers/me', { token: tokens.accessToken });

    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CUSTOMER_ALREADY_REGISTERED');
    expect(profile.body).toMatchObject({ nationalId, email: registration.email });
  });

  it('refuses registration fields that would assign roles or exposure', async () => {
    const api = apiClient(runtime.baseUrl);
    const tokens = await signIn(runtime.baseUrl, randomNationalId());

    const response = await api.call<{ error: { code: string; details: { field: string }[] } }>('POST', '/v1/customers', {
      token: tokens.accessToken,
      body: { ...registration, role: 'ops', exposureHalalas: 0 },
    });

    expect(response.status).toBe(400);
    expect(response.body.error.details.map((detail) => detail.field)).toEqual(expect.arrayContaining(['body.role', 'body.exposureHalalas']));
  });

  it('refuses residents with "Saudi residents only" and minors by Hijri age', async () => {
    const api = apiClient(runtime.baseUrl);
    const resident = await signIn(runtime.baseUrl, randomNationalId('resident'));
    const minor = await signIn(runtime.baseUrl, randomNationalId());

    const residentResponse = await api.call<{ error: { code: string; message: string } }>('POST', '/v1/customers', { token: resident.accessToken, body: registration });
    const minorResponse = await api.call<{ error: { code: string } }>('POST', '/v1/customers', {
      token: minor.accessToken,
      body: { ...registration, dateOfBirth: '2012-01-01' },
    });

    expect(residentResponse.status).toBe(422);
    expect(residentResponse.body.error.code).toBe('RESIDENCY_NOT_ELIGIBLE');
    expect(residentResponse.body.error.message).toContain('Saudi residents only');
    expect(minorResponse.status).toBe(422);
    expect(minorResponse.body.error.code).toBe('AGE_BELOW_MINIMUM');
  });

  it('rejects a malformed national ID and a credit check without consent', async () => {
    const api = apiClient(runtime.baseUrl);
    const badId = await api.call<{ error: { code: string } }>('POST', '/v1/auth/nafath/sessions', { body: { nationalId: '1000000009' } });
    expect(badId.status).toBe(400);
    expect(badId.body.error.code).toBe('INVALID_NATIONAL_ID');

    const tokens = await signIn(runtime.baseUrl, randomNationalId());
    await api.call('POST', '/v1/customers', { token: tokens.accessToken, body: registration });
    const noConsent = await api.call<{ error: { code: string } }>('POST', '/v1/customers/me/credit-assessments', { token: tokens.accessToken, body: { consent: false } });
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.error.code).toBe('CONSENT_REQUIRED');
  });

  it('requires a valid access token on customer routes', async () => {
    const api = apiClient(runtime.baseUrl);
    expect((await api.call('GET', '/v1/customers/me')).status).toBe(401);
    expect((await api.call('GET', '/v1/customers/me', { token: 'not.a.token' })).status).toBe(401);
  });

  it('shows another customer only a 404, never their data', async () => {
    const api = apiClient(runtime.baseUrl);
    const owner = await signIn(runtime.baseUrl, randomNationalId());
    const registered = await api.call<{ customerId: string }>('POST', '/v1/customers', { token: owner.accessToken, body: registration });
    const stranger = await signIn(runtime.baseUrl, randomNationalId());

    const response = await api.call('GET', `/v1/customers/${registered.body.customerId}`, { token: stranger.accessToken });

    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).not.toContain('Layla');
  });

  it('changes contact details with an audit entry, and rotates tokens once', async () => {
    const api = apiClient(runtime.baseUrl);
    const tokens = await signIn(runtime.baseUrl, randomNationalId());
    await api.call('POST', '/v1/customers', { token: tokens.accessToken, body: registration });

    const patched = await api.call<{ phone: string; city: string }>('PATCH', '/v1/customers/me', { token: tokens.accessToken, body: { phone: '555555555', city: 'Jeddah' } });
    const emptyPatch = await api.call('PATCH', '/v1/customers/me', { token: tokens.accessToken, body: {} });
    const rotated = await api.call<{ refreshToken: string; accessToken: string }>('POST', '/v1/auth/tokens/refresh', { body: { refreshToken: tokens.refreshToken } });
    const reused = await api.call<{ error: { code: string } }>('POST', '/v1/auth/tokens/refresh', { body: { refreshToken: tokens.refreshToken } });
    const afterReuse = await api.call('POST', '/v1/auth/tokens/refresh', { body: { refreshToken: rotated.body.refreshToken } });

    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ phone: '+966555555555', city: 'Jeddah' });
    expect(emptyPatch.status).toBe(400);
    expect(rotated.status).toBe(200);
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('REFRESH_TOKEN_INVALID');
    expect(afterReuse.status).toBe(401);
  });

  it('publishes the signing keys as a JWKS', async () => {
    const response = await apiClient(runtime.baseUrl).call<{ keys: { kty: string; crv: string; alg: string }[] }>('GET', '/v1/.well-known/jwks.json');
    expect(response.status).toBe(200);
    expect(response.body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
  });
});
