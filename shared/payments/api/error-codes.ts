/** The errors the payments context answers with. Codes are stable API and phrased as the broken rule; messages may be reworded freely. */
import type { ErrorCodeRegistry } from '../../kernel/errors/error-code.ts';
import { errorRaiser } from '../../kernel/errors/rabhan-error.ts';

export const PAYMENTS_ERROR_CODES = {
  PAYMENT_EXCEEDS_BALANCE: {
    httpStatus: 422,
    message: { en: 'The payment is more than the balance still payable.', ar: 'المبلغ أكبر من الرصيد المستحق.' },
  },
  WEBHOOK_SIGNATURE_INVALID: {
    httpStatus: 401,
    message: { en: 'The webhook signature or timestamp is not valid.', ar: 'توقيع الإشعار أو طابعه الزمني غير صالح.' },
  },
  DOWN_PAYMENT_PENDING: {
    httpStatus: 409,
    message: { en: 'A down payment for this project is already waiting for the gateway.', ar: 'توجد دفعة مقدمة لهذا المشروع بانتظار بوابة الدفع.' },
  },
  REFUND_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such refund exists.', ar: 'عملية الاسترداد هذه غير موجودة.' },
  },
  PAYMENT_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such payment exists.', ar: 'هذه الدفعة غير موجودة.' },
  },
  RECONCILIATION_ITEM_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such reconciliation item.', ar: 'لا يوجد بند تسوية بهذا المعرّف.' },
  },
  RECONCILIATION_ITEM_NOT_OPEN: {
    httpStatus: 409,
    message: { en: 'This reconciliation item already has a proposal or is resolved.', ar: 'لبند التسوية هذا مقترح قائم أو تمت تسويته.' },
  },
  RECONCILIATION_REFUND_ATTEMPTS_EXHAUSTED: {
    httpStatus: 409,
    message: {
      en: "The gateway refused this item's refund too many times: apply its money to a plan, or return it by another channel.",
      ar: 'رفضت بوابة الدفع استرداد هذا البند مرات كثيرة: يرجى تطبيق المبلغ على خطة أو إعادته بطريقة أخرى.',
    },
  },
  RECONCILIATION_ITEM_NOT_PROPOSED: {
    httpStatus: 409,
    message: { en: 'This reconciliation item has no proposal to confirm.', ar: 'لا يوجد مقترح لتأكيده في بند التسوية هذا.' },
  },
  RECONCILIATION_PROPOSAL_MISMATCH: {
    httpStatus: 409,
    message: { en: 'The plan named does not match the one proposed for this item.', ar: 'الخطة المذكورة لا تطابق الخطة المقترحة لهذا البند.' },
  },
  RECONCILIATION_AMOUNT_EXCEEDS_BALANCE: {
    httpStatus: 422,
    message: { en: 'The plan cannot take this amount: it is not active or owes less.', ar: 'لا يمكن تطبيق هذا المبلغ على الخطة: فهي غير نشطة أو المتبقي عليها أقل.' },
  },
} as const satisfies ErrorCodeRegistry;

export type PaymentsErrorCode = keyof typeof PAYMENTS_ERROR_CODES;

/** Raises one of this context's errors: `throw paymentsError('CODE')`. */
export const paymentsError = errorRaiser(PAYMENTS_ERROR_CODES);
