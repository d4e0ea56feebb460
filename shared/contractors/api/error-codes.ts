/** The errors the contractors context answers with. Codes are stable API and phrased as the broken rule. */
import type { ErrorCodeRegistry } from '../../kernel/errors/error-code.ts';
import { errorRaiser } from '../../kernel/errors/rabhan-error.ts';

export const CONTRACTORS_ERROR_CODES = {
  IBAN_CHECKSUM_INVALID: {
    httpStatus: 422,
    message: { en: 'The IBAN check digits do not match: please check the IBAN.', ar: 'أرقام التحقق في رقم الآيبان غير صحيحة: يرجى التحقق من الرقم.' },
  },
  CONTRACTOR_ALREADY_REGISTERED: {
    httpStatus: 409,
    message: { en: 'A company with this VAT number or unified number has already applied.', ar: 'تقدمت شركة بهذا الرقم الضريبي أو الرقم الموحد مسبقًا.' },
  },
  CONTRACTOR_MEMBERSHIP_EXISTS: {
    httpStatus: 409,
    message: { en: 'You already act for a contractor.', ar: 'أنت مرتبط بمقاول مسبقًا.' },
  },
  CONTRACTOR_ADMINISTRATOR_REQUIRED: {
    httpStatus: 403,
    message: { en: "Only the contractor's administrator can do this.", ar: 'لا يمكن القيام بذلك إلا لمسؤول حساب المقاول.' },
  },
  CONTRACTOR_MEMBER_ALREADY_INVITED: {
    httpStatus: 409,
    message: { en: 'This person has already been invited to a contractor.', ar: 'تمت دعوة هذا الشخص إلى مقاول مسبقًا.' },
  },
  CONTRACTOR_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such contractor exists.', ar: 'هذا المقاول غير موجود.' },
  },
  CONTRACTOR_MEMBERSHIP_REQUIRED: {
    httpStatus: 404,
    message: { en: 'You do not act for any contractor.', ar: 'أنت غير مرتبط بأي مقاول.' },
  },
  CONTRACTOR_STATUS_CONFLICT: {
    httpStatus: 409,
    message: { en: "This decision does not apply to the contractor's current status.", ar: 'هذا القرار لا ينطبق على حالة المقاول الحالية.' },
  },
  CONTRACTOR_DECISION_PENDING: {
    httpStatus: 409,
    message: { en: 'A decision on this contractor is already waiting for confirmation.', ar: 'يوجد قرار بشأن هذا المقاول بانتظار التأكيد.' },
  },
  IBAN_CHANGE_PENDING: {
    httpStatus: 409,
    message: { en: 'A change of the payout IBAN is already waiting for review.', ar: 'يوجد طلب تغيير لرقم الآيبان بانتظار المراجعة.' },
  },
  IBAN_CHANGE_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such IBAN change exists for this contractor.', ar: 'لا يوجد طلب تغيير الآيبان هذا لهذا المقاول.' },
  },
  IBAN_CHANGE_NOT_PENDING: {
    httpStatus: 409,
    message: { en: 'This IBAN change is not waiting for that step.', ar: 'طلب تغيير الآيبان هذا ليس بانتظار هذه الخطوة.' },
  },
  CONTRACTOR_DECISION_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such decision exists for this contractor.', ar: 'لا يوجد هذا القرار لهذا المقاول.' },
  },
  CONTRACTOR_DECISION_NOT_PENDING: {
    httpStatus: 409,
    message: { en: 'This decision is not waiting for confirmation.', ar: 'هذا القرار ليس بانتظار التأكيد.' },
  },
} as const satisfies ErrorCodeRegistry;

export type ContractorsErrorCode = keyof typeof CONTRACTORS_ERROR_CODES;

/** Raises one of this context's errors: `throw contractorsError('CODE')`. */
export const contractorsError = errorRaiser(CONTRACTORS_ERROR_CODES);
