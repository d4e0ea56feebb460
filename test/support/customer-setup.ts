import { apiClient, type Tokens } from './api-client.ts';
import { eventually } from './eventually.ts';
import { randomNationalId } from './national-ids.ts';
import { signIn } from './sign-in.ts';

export const REGISTRATION = {
  fullName: { ar: 'ليلى الحربي', en: 'Layla Al-Harbi' },
  phone: '0512345678',
  email: 'layla@example.sa',
  dateOfBirth: '1990-05-01',
  city: 'Riyadh',
  preferredLanguage: 'ar',
} as const;

/** Signs a new person in, registers them and waits for a completed credit assessment: ready to borrow. */
export async function assessedCustomer(baseUrl: string, nationalId = randomNationalId()): Promise<Tokens> {
  const api = apiClient(baseUrl);
  const tokens = await signIn(baseUrl, nationalId);
  const registered = await api.call('POST', '/v1/customers', { token: tokens.accessToken, body: REGISTRATION });
  if (registered.status !== 201) throw new Error(`Registration failed: ${JSON.stringify(registered.body)}`);
  const requested = await api.call<{ assessmentId: string }>('POST', '/v1/customers/me/credit-assessments', { token: tokens.accessToken, body: { consent: true } });
  await eventually(
    async () => {
      const polled = await api.call<{ status: string }>('GET', `/v1/customers/me/credit-assessments/${requested.body.assessmentId}`, { token: tokens.accessToken });
      return polled.body.status === 'COMPLETED' ? true : undefined;
    },
    { description: 'the credit assessment' },
  );
  return tokens;
}
