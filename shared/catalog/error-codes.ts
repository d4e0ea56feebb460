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
  RETRY_DELIVERY_LATER: {
    httpStatus: 503,
    message: { en: 'The notification could not be applied now. Deliver it again later.', ar: 'تعذر تطبيق الإشعار الآن. يرجى إعادة إرساله لاحقاً.' },
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
  IDEMPOTENCY_KEY_REUSED: {
    httpStatus: 422,
    message: { en: 'This Idempotency-Key was already used with a different request.', ar: 'سبق استخدام مفتاح Idempotency-Key هذا مع طلب مختلف.' },
  },
  IDEMPOTENCY_KEY_IN_USE: {
    httpStatus: 409,
    message: { en: 'A request with this Idempotency-Key is still being processed. Retry shortly.', ar: 'طلب بنفس مفتاح Idempotency-Key قيد المعالجة. أعد المحاولة بعد قليل.' },
  },
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
  RECONCILIATION_ITEM_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such reconciliation item.', ar: 'لا يوجد بند تسوية بهذا المعرّف.' },
  },
  RECONCILIATION_ITEM_NOT_OPEN: {
    httpStatus: 409,
    message: { en: 'This reconciliation item already has a proposal or is resolved.', ar: 'لبند التسوية هذا مقترح قائم أو تمت تسويته.' },
  },
  RECONCILIATION_ITEM_NOT_PROPOSED: {
    httpStatus: 409,
    message: { en: 'This reconciliation item has no proposal to confirm.', ar: 'لا يوجد مقترح لتأكيده في بند التسوية هذا.' },
  },
  RECONCILIATION_PROPOSAL_MISMATCH: {
    httpStatus: 409,
    message: { en: 'The plan named does not match the one proposed for this item.', ar: 'الخطة المذكورة لا تطابق الخطة المقترحة لهذا البند.' },
  },
  FOUR_EYES_REQUIRED: {
    httpStatus: 403,
    message: { en: 'A different staff user must confirm this decision.', ar: 'يجب أن يؤكد هذا القرار موظف آخر.' },
  },
  RECONCILIATION_AMOUNT_EXCEEDS_BALANCE: {
    httpStatus: 422,
    message: { en: 'The plan cannot take this amount: it is not active or owes less.', ar: 'لا يمكن تطبيق هذا المبلغ على الخطة: فهي غير نشطة أو المتبقي عليها أقل.' },
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
  PAYMENT_EXCEEDS_BALANCE: {
    httpStatus: 422,
    message: { en: 'The payment is more than the balance still payable.', ar: 'المبلغ أكبر من الرصيد المستحق.' },
  },
  CANCELLATION_NOT_ALLOWED: {
    httpStatus: 409,
    message: { en: 'The plan can no longer be cancelled: the cooling-off window passed or a payment was made.', ar: 'لم يعد بالإمكان إلغاء الخطة: انتهت فترة التراجع أو تم سداد دفعة.' },
  },
  WEBHOOK_SIGNATURE_INVALID: {
    httpStatus: 401,
    message: { en: 'The webhook signature or timestamp is not valid.', ar: 'توقيع الإشعار أو طابعه الزمني غير صالح.' },
  },
  PAYMENT_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such payment exists.', ar: 'هذه الدفعة غير موجودة.' },
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
