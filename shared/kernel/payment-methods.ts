/**
 * The electronic channels a payment may use (SAMA prohibits cash collection). Card methods complete in one gateway
 * checkout; SADAD issues a bill the customer pays later through their bank, so its intents live longer.
 */
export type PaymentMethod = 'MADA' | 'CREDIT_CARD' | 'APPLE_PAY' | 'SADAD';
