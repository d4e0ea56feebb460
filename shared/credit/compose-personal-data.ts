/** Running an assessment decrypts the national ID for SIMAH, so only that consumer bundles the field cipher. */
import { once } from '../kernel/compose.ts';
import { loadLendingPolicy } from '../kernel/config/policy-config.ts';
import { personalDataCipher } from '../kernel/crypto/compose.ts';
import { DEFAULT_SIMAH_RETRY_POLICY } from './app/credit-assessment.ts';
import { assessmentDeps, simahClient } from './compose.ts';

export const runAssessmentDeps = /* @__PURE__ */ once(() => ({
  ...assessmentDeps(),
  cipher: personalDataCipher(),
  simah: simahClient(),
  policy: loadLendingPolicy(),
  retry: DEFAULT_SIMAH_RETRY_POLICY,
  sleep: (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)),
}));
