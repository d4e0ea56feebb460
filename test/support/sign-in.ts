import { apiClient, type Tokens } from './api-client.ts';
import { eventually } from './eventually.ts';

/** Signs a person in through NAFATH (the simulator approves ordinary IDs) and returns their tokens. */
export async function signIn(baseUrl: string, nationalId: string): Promise<Tokens> {
  const api = apiClient(baseUrl);
  const started = await api.call<{ sessionId: string; pollToken: string }>('POST', '/v1/auth/nafath/sessions', { body: { nationalId } });
  if (started.status !== 202) throw new Error(`Sign-in did not start: ${started.status} ${JSON.stringify(started.body)}`);
  return eventually(
    async () => {
      const polled = await api.call<{ status: string; tokens?: Tokens }>('GET', `/v1/auth/nafath/sessions/${started.body.sessionId}`, {
        headers: { 'x-poll-token': started.body.pollToken },
      });
      if (polled.body.status !== 'WAITING' && polled.body.tokens === undefined) throw new Error(`Sign-in ended as ${polled.body.status}`);
      return polled.body.tokens;
    },
    { description: 'NAFATH approval' },
  );
}
