import * as z from 'zod';
import { postJson } from '../../kernel/http-client/post-json.ts';
import type { ZatcaClient } from '../app/zatca.ts';
import { UNIFIED_NUMBER_PATTERN } from '../../kernel/company-identifiers.ts';
import type { VatRegistration } from '../domain/vat-verification.ts';

/** Per attempt; the consumer retries within its own timeout and SQS redelivers after that. */
export const ZATCA_TIMEOUT_MILLISECONDS = 5_000;

/**
 * The interface the ZATCA simulator implements (docs/simulators.md). A definite "not registered" is a 200 answer,
 * not a 404. Fields beyond the status and the registered unified number (the legal name, dates) are not kept.
 */
const registrationReplySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('REGISTERED'), registeredUnifiedNumber: z.string().regex(UNIFIED_NUMBER_PATTERN) }),
  z.object({ status: z.literal('NOT_REGISTERED') }),
  z.object({ status: z.literal('DEREGISTERED') }),
]);

export class HttpZatcaClient implements ZatcaClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMilliseconds: number = ZATCA_TIMEOUT_MILLISECONDS,
  ) {}

  async verifyVatRegistration(vatNumber: string, unifiedNumber: string): Promise<VatRegistration> {
    const reply = await postJson('ZATCA', `${this.baseUrl}/v1/vat-registrations/verification`, { vatNumber, unifiedNumber }, registrationReplySchema, this.timeoutMilliseconds);
    return reply.status === 'REGISTERED' ? { status: 'REGISTERED', registeredUnifiedNumber: reply.registeredUnifiedNumber } : { status: reply.status };
  }
}
