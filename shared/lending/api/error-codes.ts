/** The errors the lending context answers with. Codes are stable API and phrased as the broken rule; messages may be reworded freely. */
import type { ErrorCodeRegistry } from '../../kernel/errors/error-code.ts';
import { errorRaiser } from '../../kernel/errors/rabhan-error.ts';

export const LENDING_ERROR_CODES = {
  IDENTITY_NOT_VERIFIED: {
    httpStatus: 422,
    message: { en: 'Your identity must be verified with NAFATH first.', ar: 'يجب التحقق من هويتك عبر نفاذ أولًا.' },
  },
  CREDIT_ASSESSMENT_REQUIRED: {
    httpStatus: 422,
    message: { en: 'A completed credit assessment is required.', ar: 'يلزم إكمال التقييم الائتماني.' },
  },
  CREDIT_RISK_TOO_HIGH: {
    httpStatus: 422,
    message: { en: 'Your credit assessment does not allow financing.', ar: 'تقييمك الائتماني لا يسمح بالتمويل.' },
  },
  PLAN_IN_ARREARS: {
    httpStatus: 422,
    message: { en: 'A new plan is not possible while one of your plans has an overdue installment.', ar: 'لا يمكن إنشاء خطة جديدة ما دام لديك قسط متأخر في إحدى خططك.' },
  },
  CREDIT_ASSESSMENT_EXPIRED: {
    httpStatus: 422,
    message: { en: 'Your credit assessment is too old. Please request a new one.', ar: 'انتهت صلاحية تقييمك الائتماني. يرجى طلب تقييم جديد.' },
  },
  INSTALLMENT_COUNT_OUT_OF_RANGE: {
    httpStatus: 422,
    message: { en: 'The number of installments must be between 1 and 12.', ar: 'يجب أن يكون عدد الأقساط بين 1 و12.' },
  },
  DOWN_PAYMENT_OUT_OF_RANGE: {
    httpStatus: 422,
    message: { en: 'The down payment must be less than the amount.', ar: 'يجب أن تكون الدفعة المقدمة أقل من المبلغ.' },
  },
  EXPOSURE_LIMIT_EXCEEDED: {
    httpStatus: 422,
    message: { en: 'This would take your outstanding BNPL balance over the limit.', ar: 'سيؤدي هذا إلى تجاوز رصيدك القائم للحد المسموح به.' },
  },
  OFFER_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such offer exists.', ar: 'هذا العرض غير موجود.' },
  },
  OFFER_EXPIRED: {
    httpStatus: 422,
    message: { en: 'The offer has expired. Ask for a new one.', ar: 'انتهت صلاحية العرض. اطلب عرضًا جديدًا.' },
  },
  OFFER_ALREADY_USED: {
    httpStatus: 409,
    message: { en: 'The offer was already used.', ar: 'تم استخدام هذا العرض مسبقًا.' },
  },
  PLAN_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such plan exists.', ar: 'هذه الخطة غير موجودة.' },
  },
  PLAN_NOT_ACTIVE: {
    httpStatus: 409,
    message: { en: 'The plan is not active.', ar: 'الخطة غير نشطة.' },
  },
  PLAN_CANCELLED_WITH_ITS_PROJECT: {
    httpStatus: 409,
    message: {
      en: 'This plan pays for an installation: cancel the project (POST /v1/projects/{projectId}/cancellation), which cancels the plan and refunds the down payment.',
      ar: 'هذه الخطة تموّل تركيبًا: يرجى إلغاء المشروع، وسيُلغى معه التمويل وتُسترد الدفعة المقدمة.',
    },
  },
  CANCELLATION_NOT_ALLOWED: {
    httpStatus: 409,
    message: { en: 'The plan can no longer be cancelled: the cooling-off window passed or a payment was made.', ar: 'لم يعد بالإمكان إلغاء الخطة: انتهت فترة التراجع أو تم سداد دفعة.' },
  },
} as const satisfies ErrorCodeRegistry;

export type LendingErrorCode = keyof typeof LENDING_ERROR_CODES;

/** Raises one of this context's errors: `throw lendingError('CODE')`. */
export const lendingError = errorRaiser(LENDING_ERROR_CODES);
