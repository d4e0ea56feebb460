/** Opens a checkout at the payment gateway for a payment intent; the gateway later calls our signed webhook. */
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

export class HttpPaymentGatewayClient implements PaymentGatewayClient {
  constructor(private readonly baseUrl: string) {}

  async openCheckout(request: CheckoutRequest): Promise<void> {
    await postJson('PAYMENT_GATEWAY', `${this.baseUrl}/v1/checkouts`, { ...request, currency: 'SAR' }, checkoutResponseSchema, PAYMENT_GATEWAY_TIMEOUT_MILLISECONDS);
  }
}
