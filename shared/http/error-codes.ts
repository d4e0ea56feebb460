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
  INTERNAL_ERROR: {
    httpStatus: 500,
    message: {
      en: 'Something went wrong on our side. Quote the request id if you contact support.',
      ar: 'حدث خطأ من جهتنا. يرجى ذكر رقم الطلب عند التواصل مع الدعم.',
    },
  },
} as const satisfies Record<string, ErrorCodeDefinition>;

export type ErrorCode = keyof typeof ERROR_CODES;
