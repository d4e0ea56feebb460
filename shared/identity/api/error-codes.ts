/** The errors the identity context answers with. Codes are stable API and phrased as the broken rule; messages may be reworded freely. */
import type { ErrorCodeRegistry } from '../../kernel/errors/error-code.ts';
import { errorRaiser } from '../../kernel/errors/rabhan-error.ts';

export const IDENTITY_ERROR_CODES = {
  INVALID_NATIONAL_ID: {
    httpStatus: 400,
    message: { en: 'The national ID or Iqama number is not valid.', ar: 'رقم الهوية الوطنية أو الإقامة غير صالح.' },
  },
  NAFATH_SESSION_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such sign-in session exists.', ar: 'جلسة تسجيل الدخول هذه غير موجودة.' },
  },
  CALLBACK_SIGNATURE_INVALID: {
    httpStatus: 401,
    message: { en: 'The callback signature or timestamp is not valid.', ar: 'توقيع الاستدعاء أو طابعه الزمني غير صالح.' },
  },
  CALLBACK_REPLAYED: {
    httpStatus: 409,
    message: { en: 'This callback was already processed.', ar: 'تمت معالجة هذا الاستدعاء مسبقًا.' },
  },
  REFRESH_TOKEN_INVALID: {
    httpStatus: 401,
    message: { en: 'The refresh token is not valid. Sign in again.', ar: 'رمز التحديث غير صالح. يرجى تسجيل الدخول مجددًا.' },
  },
  IDENTITY_SERVICE_UNAVAILABLE: {
    httpStatus: 503,
    message: { en: 'The national identity service is not answering. Try again shortly.', ar: 'خدمة النفاذ الوطني لا تستجيب. حاول مرة أخرى بعد قليل.' },
  },
} as const satisfies ErrorCodeRegistry;

export type IdentityErrorCode = keyof typeof IDENTITY_ERROR_CODES;

/** Raises one of this context's errors: `throw identityError('CODE')`. */
export const identityError = errorRaiser(IDENTITY_ERROR_CODES);
