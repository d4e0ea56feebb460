/** The credit context's API contracts: asking for a SIMAH assessment, and reading one. */
import * as z from 'zod';
import { ulidSchema } from '../../kernel/http/ulid-schema.ts';

export const requestCreditAssessmentSchema = z
  .strictObject({
    // Only true is accepted; false is refused with 422 CONSENT_REQUIRED rather than a validation error.
    consent: z.boolean().meta({ const: true }).describe('Must be true: explicit consent to a SIMAH credit check (false: 422 CONSENT_REQUIRED).'),
  })
  .meta({ id: 'RequestCreditAssessment' });

export const creditAssessmentPathSchema = z.strictObject({ assessmentId: ulidSchema });

export const creditAssessmentSchema = z
  .strictObject({
    assessmentId: z.string(),
    status: z.enum(['PENDING', 'COMPLETED', 'FAILED']),
    requestedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().optional(),
    score: z.number().int().optional(),
    grade: z.string().optional(),
    riskCategory: z.enum(['LOW', 'MEDIUM', 'HIGH']).optional(),
    maximumFinancingHalalas: z.number().int().nonnegative().optional(),
    failureReason: z.string().optional(),
  })
  .meta({ id: 'CreditAssessment' });
