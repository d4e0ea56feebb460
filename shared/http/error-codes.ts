/**
 * Every error a client can see, with its HTTP status and its message in English and Arabic.
 * Codes are stable API and phrased as the broken rule; messages may be reworded freely.
 */
export interface ErrorCodeDefinition {
  readonly httpStatus: number;
  readonly message: { readonly en: string; readonly ar: string };
}

export const ERROR_CODES = {
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
  ROUTE_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such route exists on this API.', ar: 'هذا المسار غير موجود في الواجهة البرمجية.' },
  },
  IDEMPOTENCY_KEY_REQUIRED: {
    httpStatus: 400,
    message: { en: 'This request requires an Idempotency-Key header.', ar: 'يتطلب هذا الطلب ترويسة Idempotency-Key.' },
  },
  INVALID_NATIONAL_ID: {
    httpStatus: 400,
    message: { en: 'The national ID or Iqama number is not valid.', ar: 'رقم الهوية الوطنية أو الإقامة غير صالح.' },
  },
  RATE_LIMITED: {
    httpStatus: 429,
    message: { en: 'Too many requests. Retry after the time in the Retry-After header.', ar: 'طلبات كثيرة جدًا. أعد المحاولة بعد المدة المحددة في ترويسة Retry-After.' },
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
  CONSENT_REQUIRED: {
    httpStatus: 422,
    message: { en: 'Explicit consent is required for a credit check.', ar: 'يلزم الحصول على موافقة صريحة لإجراء الاستعلام الائتماني.' },
  },
  CREDIT_ASSESSMENT_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such credit assessment exists.', ar: 'هذا التقييم الائتماني غير موجود.' },
  },
  CONCURRENT_UPDATE: {
    httpStatus: 409,
    message: { en: 'The record changed while you were updating it. Retry the request.', ar: 'تغير السجل أثناء تحديثه. أعد المحاولة.' },
  },
  INTERNAL_ERROR: {
    httpStatus: 500,
    message: {
      en: 'Something went wrong on our side. Quote the request id if you contact support.',
      ar: 'حدث خطأ من جهتنا. يرجى ذكر رقم الطلب عند التواصل مع الدعم.',
    },
  },
} as const satisfies Record<string, ErrorCodeDefinition>;

export type ErrorCode = keyof typeof ERROR_CODES;
