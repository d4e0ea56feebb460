/** The customers context's API contracts: registration, profile and contact details. */
import * as z from 'zod';
import { SAUDI_MOBILE_INPUT_PATTERN } from '../domain/phone.ts';
import { ulidSchema } from '../../kernel/http/ulid-schema.ts';

/** Bounds on free-text personal fields: generous for real names, small enough to refuse abuse. */
const NAME_LENGTH_MAX = 120;
const EMAIL_LENGTH_MAX = 254;
const CITY_LENGTH_MAX = 60;

const phoneInputSchema = z
  .string()
  .min(9)
  .max(20)
  .regex(SAUDI_MOBILE_INPUT_PATTERN, 'must be a Saudi mobile number')
  .describe('Saudi mobile: 05XXXXXXXX, 5XXXXXXXX or +9665XXXXXXXX, optionally grouped with spaces or dashes.');

/** The whitespace String.prototype.trim removes, spelt out so that the documented pattern means the same in every regex engine. */
const TRIMMED_WHITESPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
/** Two characters that are not whitespace, anywhere: exactly the strings that are still two characters long once trimmed. */
export const TWO_VISIBLE_CHARACTERS_PATTERN = new RegExp(`[^${TRIMMED_WHITESPACE}][\\s\\S]*[^${TRIMMED_WHITESPACE}]`);

/**
 * Free text of 2 to `lengthMax` characters once trimmed, and at most `lengthMax` before. JSON Schema cannot say
 * "once trimmed", so the document states the same rule as a length and a pattern (a test proves them equivalent).
 */
export const trimmedTextSchema = (lengthMax: number) =>
  z.string().max(lengthMax).trim().min(2).max(lengthMax).meta({ pattern: TWO_VISIBLE_CHARACTERS_PATTERN.source });
const isoDateSchema = z.iso.date().describe('Gregorian calendar date, YYYY-MM-DD.');

export const registerCustomerRequestSchema = z
  .strictObject({
    fullName: z.strictObject({ ar: trimmedTextSchema(NAME_LENGTH_MAX), en: trimmedTextSchema(NAME_LENGTH_MAX) }),
    phone: phoneInputSchema,
    email: z.email().max(EMAIL_LENGTH_MAX),
    dateOfBirth: isoDateSchema,
    city: trimmedTextSchema(CITY_LENGTH_MAX),
    preferredLanguage: z.enum(['ar', 'en']),
  })
  .meta({ id: 'RegisterCustomerRequest' });

export const updateContactRequestSchema = z
  .strictObject({
    phone: phoneInputSchema.optional(),
    email: z.email().max(EMAIL_LENGTH_MAX).optional(),
    city: trimmedTextSchema(CITY_LENGTH_MAX).optional(),
    preferredLanguage: z.enum(['ar', 'en']).optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), { message: 'at least one field must change' })
  // What the refinement checks, in JSON Schema's words.
  .meta({ id: 'UpdateContactRequest', minProperties: 1 });

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
