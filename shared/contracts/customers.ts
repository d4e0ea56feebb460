import { z } from 'zod';
import { ulidSchema } from './ids.ts';

/** Bounds on free-text personal fields: generous for real names, small enough to refuse abuse. */
const NAME_LENGTH_MAX = 120;
const EMAIL_LENGTH_MAX = 254;
const CITY_LENGTH_MAX = 60;

const phoneInputSchema = z.string().min(9).max(20).describe('Saudi mobile: 05XXXXXXXX, 5XXXXXXXX or +9665XXXXXXXX.');
const isoDateSchema = z.iso.date().describe('Gregorian calendar date, YYYY-MM-DD.');

export const registerCustomerRequestSchema = z
  .strictObject({
    fullName: z.strictObject({ ar: z.string().trim().min(2).max(NAME_LENGTH_MAX), en: z.string().trim().min(2).max(NAME_LENGTH_MAX) }),
    phone: phoneInputSchema,
    email: z.email().max(EMAIL_LENGTH_MAX),
    dateOfBirth: isoDateSchema,
    city: z.string().trim().min(2).max(CITY_LENGTH_MAX),
    preferredLanguage: z.enum(['ar', 'en']),
  })
  .meta({ id: 'RegisterCustomerRequest' });

export const updateContactRequestSchema = z
  .strictObject({
    phone: phoneInputSchema.optional(),
    email: z.email().max(EMAIL_LENGTH_MAX).optional(),
    city: z.string().trim().min(2).max(CITY_LENGTH_MAX).optional(),
    preferredLanguage: z.enum(['ar', 'en']).optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), { message: 'at least one field must change' })
  .meta({ id: 'UpdateContactRequest' });

export const customerProfileSchema = z
  .strictObject({
    customerId: z.string(),
    nationalId: z.string().describe('Full for the owner; masked (last four digits) for staff.'),
    fullName: z.strictObject({ ar: z.string(), en: z.string() }),
    phone: z.string(),
    email: z.string(),
    dateOfBirth: z.string(),
    city: z.string(),
    preferredLanguage: z.enum(['ar', 'en']),
    registeredAt: z.iso.datetime(),
  })
  .meta({ id: 'CustomerProfile' });

export const customerPathSchema = z.strictObject({ customerId: ulidSchema });
export const staffViewQuerySchema = z.strictObject({ reason: z.string().max(200).optional().describe('Why the record is being viewed; recorded in the audit trail.') });

export const requestCreditAssessmentSchema = z
  .strictObject({ consent: z.boolean().describe('Must be true: explicit consent to a SIMAH credit check.') })
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
