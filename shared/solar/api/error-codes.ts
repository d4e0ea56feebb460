/** The errors the solar context answers with. Codes are stable API and phrased as the broken rule. */
import type { ErrorCodeRegistry } from '../../kernel/errors/error-code.ts';
import { errorRaiser } from '../../kernel/errors/rabhan-error.ts';

export const SOLAR_ERROR_CODES = {
  ROOF_AREA_TOO_SMALL: {
    httpStatus: 422,
    message: {
      en: 'The roof area is too small for the smallest system the regulator allows.',
      ar: 'مساحة السطح أصغر من أن تتسع لأصغر نظام يسمح به المنظم.',
    },
  },
  SOLAR_ESTIMATE_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such solar estimate exists.', ar: 'هذا التقدير الشمسي غير موجود.' },
  },
  ELECTRICITY_ACCOUNT_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such electricity account is linked.', ar: 'حساب الكهرباء هذا غير مرتبط.' },
  },
  ELECTRICITY_ACCOUNT_ALREADY_LINKED: {
    httpStatus: 409,
    message: { en: 'This electricity account is already linked to your profile.', ar: 'حساب الكهرباء هذا مرتبط بملفك مسبقًا.' },
  },
  ELECTRICITY_CONSUMPTION_NOT_IMPORTED: {
    httpStatus: 409,
    message: {
      en: 'The consumption of this electricity account has not been imported from SEC yet.',
      ar: 'لم يتم استيراد استهلاك حساب الكهرباء هذا من الشركة السعودية للكهرباء بعد.',
    },
  },
} as const satisfies ErrorCodeRegistry;

export type SolarErrorCode = keyof typeof SOLAR_ERROR_CODES;

/** Raises one of this context's errors: `throw solarError('CODE')`. */
export const solarError = errorRaiser(SOLAR_ERROR_CODES);
