/** The errors the credit context answers with. Codes are stable API and phrased as the broken rule; messages may be reworded freely. */
import type { ErrorCodeRegistry } from '../../kernel/errors/error-code.ts';
import { errorRaiser } from '../../kernel/errors/rabhan-error.ts';

export const CREDIT_ERROR_CODES = {
  CREDIT_ASSESSMENT_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such credit assessment exists.', ar: 'هذا التقييم الائتماني غير موجود.' },
  },
} as const satisfies ErrorCodeRegistry;

export type CreditErrorCode = keyof typeof CREDIT_ERROR_CODES;

/** Raises one of this context's errors: `throw creditError('CODE')`. */
export const creditError = errorRaiser(CREDIT_ERROR_CODES);
