/**
 * The contractors context's API contracts: applying, reading one's own contractor, and staff decisions. Each
 * request field's JSON Schema states exactly what is accepted (so that a client or a fuzzer sending a schema-valid
 * value is never refused with 400); the one rule a schema cannot state, the IBAN's MOD-97 check digits, answers
 * 422 IBAN_CHECKSUM_INVALID (docs/decisions/0019-iban-checksum-is-a-422.md).
 */
import * as z from 'zod';
import { CITY_IDS } from '../../solar/index.ts';
import { REGULATOR_CERTIFICATE_PATTERN, UNIFIED_NUMBER_PATTERN, VAT_REGISTRATION_NUMBER_PATTERN } from '../../kernel/company-identifiers.ts';
import { SAUDI_BANK_CODES } from '../../kernel/iban.ts';
import { normaliseSaudiBusinessPhone, SAUDI_LANDLINE_AREA_CODES } from '../../kernel/saudi-phone.ts';
import { ulidSchema } from '../../kernel/http/ulid-schema.ts';
import { NATIONAL_ID_PATTERN } from '../../kernel/national-id.ts';
import { CONTRACTOR_DECISIONS, CONTRACTOR_STATUSES } from '../domain/contractor.ts';

export const LEGAL_NAME_LENGTH_MAX = 200;
export const DECISION_REASON_LENGTH_MAX = 500;
const EMAIL_LENGTH_MAX = 254;

/** A Saudi IBAN as written canonically: `SA`, check digits, a known bank code (policy table) and 18 characters. */
export const SAUDI_IBAN_INPUT_PATTERN = new RegExp(`^SA[0-9]{2}(?:${Object.keys(SAUDI_BANK_CODES).join('|')})[0-9A-Z]{18}$`);
/**
 * A Saudi mobile (5 and 8 digits) or landline (area code and 7 digits), with +966, 00966 or 0 in front or nothing;
 * it is stored in E.164 (+966 and 9 digits).
 */
export const BUSINESS_PHONE_INPUT_PATTERN = new RegExp(`^(?:\\+966|00966|0)?(?:5[0-9]{8}|(?:${SAUDI_LANDLINE_AREA_CODES.join('|')})[0-9]{7})$`);

const bilingualName = z.strictObject({
  ar: z.string().min(2).max(LEGAL_NAME_LENGTH_MAX),
  en: z.string().min(2).max(LEGAL_NAME_LENGTH_MAX),
});

export const applyAsContractorRequestSchema = z
  .strictObject({
    legalName: bilingualName.describe("The company's registered legal name, in Arabic and English."),
    unifiedNumber: z.string().regex(UNIFIED_NUMBER_PATTERN, 'must be 10 digits starting with 7').describe('The 10-digit unified number, starting with 7.'),
    vatNumber: z.string().regex(VAT_REGISTRATION_NUMBER_PATTERN, 'must be 15 digits, the first and last 3').describe('ZATCA VAT registration number: 15 digits, the first and last 3.'),
    iban: z
      .string()
      .regex(SAUDI_IBAN_INPUT_PATTERN, 'must be a Saudi IBAN with a known bank code, without spaces')
      .describe('The company IBAN (ISO 13616, MOD-97 checked: a wrong check digit gets 422 IBAN_CHECKSUM_INVALID).'),
    certificateNumber: z.string().regex(REGULATOR_CERTIFICATE_PATTERN, 'must be 3 to 40 letters, digits, - or /').describe("The regulator's qualification certificate number."),
    cityIds: z
      .array(z.enum(CITY_IDS))
      .min(1)
      .max(CITY_IDS.length)
      .refine((cityIds) => new Set(cityIds).size === cityIds.length, 'must not repeat a city')
      .meta({ uniqueItems: true })
      .describe('The calculator cities the company serves.'),
    businessPhone: z
      .string()
      .regex(BUSINESS_PHONE_INPUT_PATTERN, 'must be a Saudi mobile or landline number')
      .transform((phone) => normaliseSaudiBusinessPhone(phone)!)
      .describe('A Saudi mobile or landline; stored as E.164 (+966 and 9 digits).'),
    businessEmail: z.email().max(EMAIL_LENGTH_MAX),
  })
  .meta({ id: 'ApplyAsContractorRequest' });

export const contractorSchema = z
  .strictObject({
    contractorId: z.string(),
    status: z.enum(CONTRACTOR_STATUSES),
    legalName: z.strictObject({ ar: z.string(), en: z.string() }),
    unifiedNumber: z.string(),
    vatNumber: z.string(),
    maskedIban: z.string().describe('Only the bank code and the last four characters.'),
    certificateNumber: z.string(),
    cityIds: z.array(z.string()),
    businessPhone: z.string(),
    businessEmail: z.string(),
    memberRole: z.enum(['ADMINISTRATOR', 'MEMBER']).optional().describe("The caller's role, on the caller's own contractor."),
    appliedAt: z.iso.datetime(),
    verifiedAt: z.iso.datetime().optional(),
    statusReason: z.string().optional().describe('Why it was rejected, or why verification failed.'),
  })
  .meta({ id: 'Contractor' });

export const inviteMemberRequestSchema = z
  .strictObject({ nationalId: z.string().regex(NATIONAL_ID_PATTERN, 'must be a 10-digit national ID or Iqama number').describe("The member's national ID; they become active when they sign in with NAFATH.") })
  .meta({ id: 'InviteContractorMemberRequest' });

export const memberInvitationSchema = z
  .strictObject({ contractorId: z.string(), status: z.literal('INVITED'), invitedAt: z.iso.datetime() })
  .meta({ id: 'ContractorMemberInvitation' });

export const contractorPathSchema = z.strictObject({ contractorId: ulidSchema });

export const proposeContractorDecisionRequestSchema = z
  .strictObject({
    decision: z.enum(CONTRACTOR_DECISIONS),
    reason: z.string().min(3).max(DECISION_REASON_LENGTH_MAX).describe('Why; kept in the audit trail.'),
  })
  .meta({ id: 'ProposeContractorDecisionRequest' });

export const contractorDecisionPathSchema = z.strictObject({ contractorId: ulidSchema, decisionId: ulidSchema });

export const contractorDecisionSchema = z
  .strictObject({
    decisionId: z.string(),
    contractorId: z.string(),
    decision: z.enum(CONTRACTOR_DECISIONS),
    reason: z.string(),
    status: z.enum(['PENDING_CONFIRMATION', 'CONFIRMED']),
    proposedBy: z.string(),
    proposedAt: z.iso.datetime(),
    confirmedBy: z.string().optional(),
    confirmedAt: z.iso.datetime().optional(),
    contractorStatus: z.enum(CONTRACTOR_STATUSES).describe("The contractor's status once the decision is read (after a confirmation, the new one)."),
  })
  .meta({ id: 'ContractorDecision' });

export const ibanChangeRequestSchema = z
  .strictObject({
    iban: z
      .string()
      .regex(SAUDI_IBAN_INPUT_PATTERN, 'must be a Saudi IBAN with a known bank code, without spaces')
      .describe('The new payout IBAN (MOD-97 checked: a wrong check digit gets 422 IBAN_CHECKSUM_INVALID). Payouts are held until two staff users decide.'),
  })
  .meta({ id: 'IbanChangeRequest' });

export const ibanChangePathSchema = z.strictObject({ contractorId: ulidSchema, changeId: ulidSchema });

export const proposeIbanChangeRequestSchema = z
  .strictObject({
    decision: z.enum(['APPROVE', 'REJECT']),
    reason: z.string().min(3).max(DECISION_REASON_LENGTH_MAX).describe('How the new IBAN was verified (or why not); kept in the audit trail.'),
  })
  .meta({ id: 'ProposeIbanChangeRequest' });

export const ibanChangeSchema = z
  .strictObject({
    changeId: z.string(),
    contractorId: z.string(),
    maskedIban: z.string().describe('The bank code and the last four characters only.'),
    status: z.enum(['PENDING_REVIEW', 'PROPOSED', 'CONFIRMED']),
    requestedAt: z.iso.datetime(),
    decision: z.enum(['APPROVE', 'REJECT']).optional(),
    reason: z.string().optional(),
    proposedBy: z.string().optional(),
    confirmedBy: z.string().optional(),
    confirmedAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'IbanChange' });
