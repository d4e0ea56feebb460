/** Errors any route can answer with, whatever its context: malformed requests, authentication, idempotency, races. Codes are stable API and phrased as the broken rule; messages may be reworded freely. */
import type { ErrorCodeRegistry } from './error-code.ts';
import { errorRaiser } from './rabhan-error.ts';

export const KERNEL_ERROR_CODES = {
  /** Shared by every route that acts on a consent (a SIMAH check, an SEC import, sharing with contractors). */
  CONSENT_REQUIRED: {
    httpStatus: 422,
    message: { en: 'Explicit consent is required for this request.', ar: 'يلزم الحصول على موافقة صريحة لهذا الطلب.' },
  },
  /** Shared by every decision that releases money or qualifies a contractor: two different staff users. */
  FOUR_EYES_REQUIRED: {
    httpStatus: 403,
    message: { en: 'A different staff user must confirm this decision.', ar: 'يجب أن يؤكد هذا القرار موظف آخر.' },
  },
  VALIDATION_FAILED: {
    httpStatus: 400,
    message: { en: 'The request is invalid. See details for each problem.', ar: 'الطلب غير صالح. راجع التفاصيل لمعرفة كل مشكلة.' },
  },
  MALFORMED_JSON: {
    httpStatus: 400,
    message: { en: 'The request body is not valid JSON.', ar: 'محتوى الطلب ليس بتنسيق JSON صالح.' },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    httpStatus: 415,
    message: { en: 'The request body must be sent as application/json.', ar: 'يجب إرسال محتوى الطلب بصيغة application/json.' },
  },
  PAYLOAD_TOO_LARGE: {
    httpStatus: 413,
    message: { en: 'The request body is larger than this API accepts.', ar: 'حجم محتوى الطلب أكبر من الحد المسموح به.' },
  },
  AUTHENTICATION_REQUIRED: {
    httpStatus: 401,
    message: { en: 'A valid access token is required.', ar: 'يلزم رمز وصول صالح.' },
  },
  ROLE_NOT_PERMITTED: {
    httpStatus: 403,
    message: { en: 'Your role does not permit this action.', ar: 'دورك لا يسمح بتنفيذ هذا الإجراء.' },
  },
  REQUEST_BLOCKED: {
    httpStatus: 403,
    message: { en: 'The request was blocked by our firewall.', ar: 'حُظر الطلب بواسطة جدار الحماية.' },
  },
  REQUEST_REJECTED: {
    httpStatus: 400,
    message: { en: 'The request was rejected before it reached the service.', ar: 'رُفض الطلب قبل وصوله إلى الخدمة.' },
  },
  ROUTE_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such route exists on this API.', ar: 'هذا المسار غير موجود في الواجهة البرمجية.' },
  },
  METHOD_NOT_ALLOWED: {
    httpStatus: 405,
    message: {
      en: 'This route does not accept this method. The Allow header lists the methods it accepts.',
      ar: 'هذا المسار لا يقبل طريقة الطلب هذه. تسرد ترويسة Allow الطرق التي يقبلها.',
    },
  },
  IDEMPOTENCY_KEY_REQUIRED: {
    httpStatus: 400,
    message: { en: 'This request requires an Idempotency-Key header.', ar: 'يتطلب هذا الطلب ترويسة Idempotency-Key.' },
  },
  RATE_LIMITED: {
    httpStatus: 429,
    message: { en: 'Too many requests. Retry after the time in the Retry-After header.', ar: 'طلبات كثيرة جدًا. أعد المحاولة بعد المدة المحددة في ترويسة Retry-After.' },
  },
  RETRY_DELIVERY_LATER: {
    httpStatus: 503,
    message: { en: 'The notification could not be applied now. Deliver it again later.', ar: 'تعذر تطبيق الإشعار الآن. يرجى إعادة إرساله لاحقاً.' },
  },
  CONCURRENT_UPDATE: {
    httpStatus: 409,
    message: { en: 'The record changed while you were updating it. Retry the request.', ar: 'تغير السجل أثناء تحديثه. أعد المحاولة.' },
  },
  IDEMPOTENCY_KEY_REUSED: {
    httpStatus: 422,
    message: { en: 'This Idempotency-Key was already used with a different request.', ar: 'سبق استخدام مفتاح Idempotency-Key هذا مع طلب مختلف.' },
  },
  IDEMPOTENCY_KEY_IN_USE: {
    httpStatus: 409,
    message: { en: 'A request with this Idempotency-Key is still being processed. Retry shortly.', ar: 'طلب بنفس مفتاح Idempotency-Key قيد المعالجة. أعد المحاولة بعد قليل.' },
  },
  INTERNAL_ERROR: {
    httpStatus: 500,
    message: {
      en: 'Something went wrong on our side. Quote the request id if you contact support.',
      ar: 'حدث خطأ من جهتنا. يرجى ذكر رقم الطلب عند التواصل مع الدعم.',
    },
  },

} as const satisfies ErrorCodeRegistry;

export type KernelErrorCode = keyof typeof KERNEL_ERROR_CODES;

/** Raises one of this context's errors: `throw kernelError('CODE')`. */
export const kernelError = errorRaiser(KERNEL_ERROR_CODES);
