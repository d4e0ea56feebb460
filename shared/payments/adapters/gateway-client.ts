/**
 * Opens a checkout at the payment gateway for a payment intent, and asks it to refund a capture; the gateway later
 * calls our signed webhooks with the outcome.
 */
import * as z from 'zod';
import { postJson } from '../../kernel/http-client/post-json.ts';

export const PAYMENT_GATEWAY_TIMEOUT_MILLISECONDS = 5_000;

export interface CheckoutRequest {
  readonly checkoutReference: string;
  readonly planId: string;
  readonly amountHalalas: number;
  readonly method: string;
}

export interface PaymentGatewayClient {
  openCheckout(request: CheckoutRequest): Promise<void>;
}

const checkoutResponseSchema = z.object({ checkoutReference: z.string() });
const refundResponseSchema = z.object({ refundId: z.string() });

export class HttpPaymentGatewayClient implements PaymentGatewayClient {
  constructor(private readonly baseUrl: string) {}

  async openCheckout(request: CheckoutRequest): Promise<void> {
    await postJson('PAYMENT_GATEWAY', `${this.baseUrl}/v1/checkouts`, { ...request, currency: 'SAR' }, checkoutResponseSchema, PAYMENT_GATEWAY_TIMEOUT_MILLISECONDS);
  }

  /** Keyed by refund id at the gateway: asking again for the same refund refunds nothing more. */
  async requestRefund(request: { readonly refundId: string; readonly checkoutReference: string; readonly amountHalalas: number }): Promise<void> {
    await postJson('PAYMENT_GATEWAY', `${this.baseUrl}/v1/refunds`, { ...request, currency: 'SAR' }, refundResponseSchema, PAYMENT_GATEWAY_TIMEOUT_MILLISECONDS);
  }
}
