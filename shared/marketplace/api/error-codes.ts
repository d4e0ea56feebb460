/** The errors the marketplace answers with. Codes are stable API and phrased as the broken rule. */
import type { ErrorCodeRegistry } from '../../kernel/errors/error-code.ts';
import { errorRaiser } from '../../kernel/errors/rabhan-error.ts';

export const MARKETPLACE_ERROR_CODES = {
  QUOTE_REQUEST_NOT_FOUND: { httpStatus: 404, message: { en: 'No such quote request exists.', ar: 'طلب عروض الأسعار هذا غير موجود.' } },
  QUOTE_REQUEST_EXISTS: { httpStatus: 409, message: { en: 'Quotes have already been requested for this estimate.', ar: 'تم طلب عروض أسعار لهذا التقدير مسبقًا.' } },
  QUOTE_REQUEST_CLOSED: { httpStatus: 422, message: { en: 'This quote request is closed.', ar: 'طلب عروض الأسعار هذا مغلق.' } },
  QUOTE_REQUEST_CITY_NOT_SERVED: { httpStatus: 422, message: { en: 'Your company does not serve this city.', ar: 'شركتك لا تخدم هذه المدينة.' } },
  QUOTE_ALREADY_SUBMITTED: { httpStatus: 409, message: { en: 'Your company has already quoted on this request.', ar: 'قدمت شركتك عرض سعر لهذا الطلب مسبقًا.' } },
  QUOTE_SIZES_DO_NOT_ADD_UP: { httpStatus: 422, message: { en: 'The module count times the module wattage must equal the system size.', ar: 'يجب أن يساوي عدد الألواح مضروبًا في قدرة اللوح حجم النظام.' } },
  QUOTE_VALIDITY_OUT_OF_RANGE: { httpStatus: 422, message: { en: 'The quote must be valid from today for at most the allowed number of days.', ar: 'يجب أن يكون عرض السعر صالحًا من اليوم ولمدة لا تتجاوز الحد المسموح.' } },
  QUOTE_NOT_FOUND: { httpStatus: 404, message: { en: 'No such quote exists on this request.', ar: 'عرض السعر هذا غير موجود في هذا الطلب.' } },
  QUOTE_EXPIRED: { httpStatus: 422, message: { en: 'This quote is no longer valid.', ar: 'عرض السعر هذا لم يعد صالحًا.' } },
  QUOTE_REQUEST_ALREADY_ACCEPTED: { httpStatus: 409, message: { en: 'A quote on this request has already been financed.', ar: 'تم تمويل عرض سعر لهذا الطلب مسبقًا.' } },
  QUOTES_CHANGED_SINCE_OFFER: { httpStatus: 409, message: { en: 'A new quote arrived since this offer was made: accept the quote again for a new offer.', ar: 'وصل عرض سعر جديد منذ إصدار هذا العرض: اقبل عرض السعر مجددًا للحصول على عرض جديد.' } },
  CONTRACTOR_NOT_APPROVED: { httpStatus: 403, message: { en: 'Only an approved contractor can see quote requests or quote.', ar: 'لا يمكن إلا لمقاول معتمد رؤية طلبات عروض الأسعار أو تقديم عرض.' } },
} as const satisfies ErrorCodeRegistry;

/** Raises one of this context's errors: `throw marketplaceError('CODE')`. */
export const marketplaceError = errorRaiser(MARKETPLACE_ERROR_CODES);
