import * as z from 'zod';
import type { CreditReport, SimahClient } from '../app/credit-report.ts';
import { postJson } from '../../kernel/http-client/post-json.ts';

/** Per attempt; the consumer retries within its own timeout and SQS redelivers after that. */
export const SIMAH_TIMEOUT_MILLISECONDS = 5_000;

const creditReportSchema = z.object({
  reportId: z.string().min(1).max(128),
  score: z.number().int().min(300).max(900),
  grade: z.string().min(1).max(4),
  existingObligationsHalalas: z.number().int().nonnegative(),
  activeDefaults: z.number().int().nonnegative(),
});

export class HttpSimahClient implements SimahClient {
  constructor(private readonly baseUrl: string) {}

  async fetchCreditReport(nationalId: string, consentReference: string): Promise<CreditReport> {
    return postJson('SIMAH', `${this.baseUrl}/v1/credit-reports`, { nationalId, consentReference }, creditReportSchema, SIMAH_TIMEOUT_MILLISECONDS);
  }
}
