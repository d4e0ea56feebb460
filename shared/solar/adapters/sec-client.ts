import * as z from 'zod';
import { postJson } from '../../kernel/http-client/post-json.ts';
import type { SecConsumptionClient } from '../app/ports.ts';
import type { MonthlyConsumption } from '../domain/electricity-account.ts';

/** Per attempt; the consumer retries within its own timeout and SQS redelivers after that. */
export const SEC_TIMEOUT_MILLISECONDS = 5_000;
/** No home uses more in a month; a larger figure is a malformed reply, not a customer. */
const MONTHLY_CONSUMPTION_KILOWATT_HOURS_MAX = 1_000_000;

/** SEC publishes no API: this interface is ours, and the SEC simulator implements it (docs/simulators.md). */
const consumptionReplySchema = z.object({
  months: z
    .array(z.object({ month: z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/), consumptionKilowattHours: z.number().int().min(0).max(MONTHLY_CONSUMPTION_KILOWATT_HOURS_MAX) }))
    .length(12)
    .refine((months) => new Set(months.map((month) => month.month.slice(5))).size === 12, 'twelve different calendar months'),
});

export class HttpSecConsumptionClient implements SecConsumptionClient {
  constructor(private readonly baseUrl: string) {}

  async fetchConsumption(accountNumber: string, consentReference: string): Promise<readonly MonthlyConsumption[]> {
    const reply = await postJson('SEC', `${this.baseUrl}/v1/consumption-history`, { accountNumber, consentReference }, consumptionReplySchema, SEC_TIMEOUT_MILLISECONDS);
    return reply.months;
  }
}
