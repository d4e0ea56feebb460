/**
 * The payouts worker's dependencies: the bank client and the field cipher for the contractor's IBAN. Apart from
 * compose.ts so that only the payout functions bundle them, not every projects function.
 */
import { once } from '../kernel/compose.ts';
import { payoutProviderBaseUrl } from '../kernel/config/security-config.ts';
import { personalDataCipher } from '../kernel/crypto/compose.ts';
import { DEFAULT_GOVERNMENT_RETRY_POLICY } from '../kernel/messaging/government-call.ts';
import { HttpPayoutProviderClient } from './adapters/payout-client.ts';
import { projectDeps } from './compose.ts';

export const payoutDeps = /* @__PURE__ */ once(() => ({
  ...projectDeps(),
  payoutProvider: new HttpPayoutProviderClient(payoutProviderBaseUrl()),
  cipher: personalDataCipher(),
  retry: DEFAULT_GOVERNMENT_RETRY_POLICY,
  sleep: (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)),
}));
