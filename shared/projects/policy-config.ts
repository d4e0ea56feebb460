/** The projects context's policy in force: its defaults unless configuration overrides a value within its range. */
import { PolicyReader } from '../kernel/config/policy-config.ts';
import type { Environment } from '../kernel/config/environment.ts';
import { DEFAULT_PROJECT_POLICY, type ProjectPolicy } from './domain/project.ts';

export function loadProjectPolicy(environment: Environment = process.env): ProjectPolicy {
  const read = new PolicyReader(environment);
  const policy: ProjectPolicy = {
    milestoneOneBasisPoints: read.integer('milestoneOneBasisPoints', DEFAULT_PROJECT_POLICY.milestoneOneBasisPoints),
    payoutTransferLimitHalalas: read.integer('payoutTransferLimitHalalas', DEFAULT_PROJECT_POLICY.payoutTransferLimitHalalas),
    firstInstallmentMonthsAfterNoticeToProceed: read.integer('firstInstallmentMonthsAfterNoticeToProceed', DEFAULT_PROJECT_POLICY.firstInstallmentMonthsAfterNoticeToProceed),
    noticeToProceedToMilestoneOneSeconds: read.integer('noticeToProceedToMilestoneOneSeconds', DEFAULT_PROJECT_POLICY.noticeToProceedToMilestoneOneSeconds),
    milestoneOneToMilestoneTwoSeconds: read.integer('milestoneOneToMilestoneTwoSeconds', DEFAULT_PROJECT_POLICY.milestoneOneToMilestoneTwoSeconds),
    installationConfirmationSeconds: read.integer('installationConfirmationSeconds', DEFAULT_PROJECT_POLICY.installationConfirmationSeconds),
    downPaymentWindowSeconds: read.integer('downPaymentWindowSeconds', DEFAULT_PROJECT_POLICY.downPaymentWindowSeconds),
  };
  read.done();
  return policy;
}
