/** The errors the customers context answers with. Codes are stable API and phrased as the broken rule; messages may be reworded freely. */
import type { ErrorCodeRegistry } from '../../kernel/errors/error-code.ts';
import { errorRaiser } from '../../kernel/errors/rabhan-error.ts';

export const CUSTOMERS_ERROR_CODES = {
  RESIDENCY_NOT_ELIGIBLE: {
    httpStatus: 422,
    message: {
      en: 'Saudi residents only: BNPL services are restricted to Saudi nationals, so Iqama holders are not eligible.',
      ar: 'خدمات الشراء الآن والدفع لاحقًا متاحة للمواطنين السعوديين فقط، ولا يحق لحاملي الإقامة الاستفادة منها.',
    },
  },
  AGE_BELOW_MINIMUM: {
    httpStatus: 422,
    message: { en: 'You must be at least 18 Hijri years old.', ar: 'يجب ألا يقل عمرك عن 18 سنة هجرية.' },
  },
  CUSTOMER_ALREADY_REGISTERED: {
    httpStatus: 409,
    message: { en: 'This person is already registered as a customer.', ar: 'هذا الشخص مسجل بالفعل كعميل.' },
  },
  CUSTOMER_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such customer exists.', ar: 'هذا العميل غير موجود.' },
  },
} as const satisfies ErrorCodeRegistry;

export type CustomersErrorCode = keyof typeof CUSTOMERS_ERROR_CODES;

/** Raises one of this context's errors: `throw customersError('CODE')`. */
export const customersError = errorRaiser(CUSTOMERS_ERROR_CODES);
