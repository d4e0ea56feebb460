/** The ledger's API contracts. */
import * as z from 'zod';

export const trialBalanceSchema = z
  .strictObject({
    accounts: z.record(z.string(), z.strictObject({ debitHalalas: z.number().int(), creditHalalas: z.number().int() })),
    debitHalalas: z.number().int(),
    creditHalalas: z.number().int(),
    balanced: z.boolean(),
  })
  .meta({ id: 'TrialBalance' });
