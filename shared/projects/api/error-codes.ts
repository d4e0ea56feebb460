/** The errors the projects context answers with. Codes are stable API and phrased as the broken rule. */
import type { ErrorCodeRegistry } from '../../kernel/errors/error-code.ts';
import { errorRaiser } from '../../kernel/errors/rabhan-error.ts';

export const PROJECTS_ERROR_CODES = {
  PROJECT_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such project exists.', ar: 'هذا المشروع غير موجود.' },
  },
  PROJECT_STATUS_CONFLICT: {
    httpStatus: 409,
    message: { en: "This step does not apply to the project's current status.", ar: 'هذه الخطوة لا تنطبق على حالة المشروع الحالية.' },
  },
  INSTALLATION_ADDRESS_REQUIRED: {
    httpStatus: 409,
    message: { en: 'Give the installation address, with consent to share it with the installer, before accepting the agreement.', ar: 'يرجى إدخال عنوان التركيب مع الموافقة على مشاركته مع المقاول قبل قبول الاتفاقية.' },
  },
  AGREEMENT_TERMS_CHANGED: {
    httpStatus: 409,
    message: { en: 'The agreement shown is not the current one: read the agreement again and accept that one.', ar: 'الاتفاقية المعروضة ليست الحالية: يرجى قراءة الاتفاقية مجددًا وقبولها.' },
  },
  EVIDENCE_INCOMPLETE: {
    httpStatus: 422,
    message: { en: 'The milestone evidence is missing a required file.', ar: 'ينقص أدلة المرحلة ملف مطلوب.' },
  },
  EVIDENCE_FILE_NOT_UPLOADED: {
    httpStatus: 422,
    message: { en: 'An evidence file was not uploaded, or does not match the type and size it was announced with.', ar: 'لم يتم رفع أحد ملفات الأدلة، أو لا يطابق النوع والحجم المعلنين.' },
  },
  EVIDENCE_FILES_EXCEEDED: {
    httpStatus: 422,
    message: { en: 'This milestone already has as many evidence files as it may.', ar: 'بلغت أدلة هذه المرحلة الحد الأقصى لعدد الملفات.' },
  },
  INSTALLATION_NOT_CONFIRMED: {
    httpStatus: 409,
    message: { en: 'The customer has not yet confirmed the installation.', ar: 'لم يؤكد العميل التركيب بعد.' },
  },
  CANCELLATION_WAITS_FOR_DOWN_PAYMENT: {
    httpStatus: 409,
    message: { en: 'A down payment is being processed by the gateway: cancel once it has answered, in a few minutes.', ar: 'الدفعة المقدمة قيد المعالجة لدى بوابة الدفع: يمكن الإلغاء بعد ردها خلال دقائق.' },
  },
  EARLY_END_NOT_ALLOWED: {
    httpStatus: 409,
    message: {
      en: 'Only a project flagged stalled while waiting for M2, after M1 was approved, may be ended early.',
      ar: 'لا يمكن إنهاء المشروع مبكرًا إلا إذا كان متعثرًا بانتظار المرحلة الثانية بعد اعتماد المرحلة الأولى.',
    },
  },
  EARLY_END_WAITS_FOR_DISBURSEMENTS: {
    httpStatus: 409,
    message: { en: "A transfer to the contractor for this project has not settled: end it early once every transfer has.", ar: 'توجد حوالة للمقاول لهذا المشروع لم تكتمل: يمكن إنهاؤه مبكرًا بعد اكتمال جميع الحوالات.' },
  },
  EARLY_END_WAITS_FOR_PAYMENT: {
    httpStatus: 409,
    message: { en: "A payment on the customer's plan is being processed by the gateway: end the project once it has answered.", ar: 'توجد دفعة على خطة العميل قيد المعالجة لدى بوابة الدفع: يمكن إنهاء المشروع بعد ردها.' },
  },
  EARLY_END_REFUND_EXCEEDS_DOWN_PAYMENT: {
    httpStatus: 409,
    message: {
      en: "What the customer is owed back exceeds the down payment the gateway can refund: settle the customer's refund by hand before ending the project.",
      ar: 'المبلغ المستحق للعميل يتجاوز الدفعة المقدمة القابلة للاسترداد عبر بوابة الدفع: يرجى تسوية استرداد العميل يدويًا قبل إنهاء المشروع.',
    },
  },
  MILESTONE_DECISION_PENDING: {
    httpStatus: 409,
    message: { en: 'A decision on this milestone is already waiting for confirmation.', ar: 'يوجد قرار بشأن هذه المرحلة بانتظار التأكيد.' },
  },
  MILESTONE_DECISION_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such decision exists for this milestone.', ar: 'لا يوجد هذا القرار لهذه المرحلة.' },
  },
  MILESTONE_DECISION_NOT_PENDING: {
    httpStatus: 409,
    message: { en: 'This decision is not waiting for confirmation.', ar: 'هذا القرار ليس بانتظار التأكيد.' },
  },
  PAYOUT_WEBHOOK_SIGNATURE_INVALID: {
    httpStatus: 401,
    message: { en: 'The payout webhook signature is missing, stale or does not match.', ar: 'توقيع إشعار التحويل مفقود أو منتهي الصلاحية أو غير مطابق.' },
  },
  DISBURSEMENT_NOT_FOUND: {
    httpStatus: 404,
    message: { en: 'No such disbursement exists.', ar: 'هذه الدفعة غير موجودة.' },
  },
} as const satisfies ErrorCodeRegistry;

export type ProjectsErrorCode = keyof typeof PROJECTS_ERROR_CODES;

/** Raises one of this context's errors: `throw projectsError('CODE')`. */
export const projectsError = errorRaiser(PROJECTS_ERROR_CODES);
