import * as z from 'zod';
import type { NafathClient, NafathLoginRequest } from '../app/ports.ts';
import { postJson } from '../../kernel/http-client/post-json.ts';

/** The login handshake is synchronous for the user, so it must answer well inside API Gateway's 29 s. */
export const NAFATH_TIMEOUT_MILLISECONDS = 5_000;
/** The service name NAFATH shows the person in its app. */
const NAFATH_SERVICE_NAME = 'RABHAN';

const loginResponseSchema = z.object({ transId: z.string().min(1).max(128), random: z.string().regex(/^\d{2}$/) });

export class HttpNafathClient implements NafathClient {
  constructor(private readonly baseUrl: string) {}

  async requestLogin(nationalId: string): Promise<NafathLoginRequest> {
    const reply = await postJson('NAFATH', `${this.baseUrl}/api/v1/mfa/request`, { nationalId, service: NAFATH_SERVICE_NAME }, loginResponseSchema, NAFATH_TIMEOUT_MILLISECONDS);
    return { transactionId: reply.transId, randomNumber: reply.random };
  }
}
