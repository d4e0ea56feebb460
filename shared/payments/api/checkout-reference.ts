/** The reference a payment intent is known by at the gateway: our payment id behind a fixed prefix. */
export const CHECKOUT_REFERENCE_PREFIX = 'chk_';
export const checkoutReferenceOf = (paymentId: string): string => `${CHECKOUT_REFERENCE_PREFIX}${paymentId}`;
export const paymentIdOfCheckoutReference = (checkoutReference: string): string => checkoutReference.slice(CHECKOUT_REFERENCE_PREFIX.length);
