/**
 * The CDK app (cdk.json runs it with `npx tsx bin/app.ts`). It refuses to synthesize outside the data-residency
 * rule: the refusal is printed as one line on stderr and the process exits non-zero.
 */
import { applyComplianceChecks } from '../lib/compliance.ts';
import { addRabhanStacks, createRabhanApp } from '../lib/rabhan-app.ts';
import { resolveDeploymentTarget, ResidencyRefusalError } from '../lib/residency.ts';

function main(): number {
  const app = createRabhanApp();
  try {
    const target = resolveDeploymentTarget({ context: (key) => app.node.tryGetContext(key), environment: process.env });
    addRabhanStacks(app, target);
  } catch (error) {
    if (!(error instanceof ResidencyRefusalError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  applyComplianceChecks(app);
  app.synth();
  return 0;
}

// app.synth() may itself set a failing exit code (unacknowledged compliance findings); never overwrite it with 0.
if (main() !== 0) process.exitCode = 1;
