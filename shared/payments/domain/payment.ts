/** A payment intent: money the customer means to pay into a plan, reserved until the gateway settles it. */
import type { PaymentMethod } from '../../kernel/payment-methods.ts';

export type PaymentStatus = 'PENDING' | 'CONFIRMED' | 'FAILED';

export const PAYMENT_PURPOSES = ['INSTALLMENT', 'EARLY_SETTLEMENT', 'DOWN_PAYMENT'] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

/** Who settled a payment: the gateway, or the expiry job failing an intent the gateway had not settled in time. */
export type PaymentSettler = 'payment-gateway' | 'intent-expiry';

export interface Payment {
  readonly paymentId: string;
  readonly planId: string;
  readonly customerId: string;
  readonly amountHalalas: number;
  readonly method: PaymentMethod;
  /** A DOWN_PAYMENT is held for the installer of the plan's project; it never reduces what the plan owes. */
  readonly purpose: PaymentPurpose;
  readonly status: PaymentStatus;
  readonly checkoutReference: string;
  readonly createdAt: Date;
  /** A PENDING intent is expired, and its reserved amount released, after this. */
  readonly expiresAt: Date;
  readonly settledAt?: Date;
  readonly settledBy?: PaymentSettler;
}
