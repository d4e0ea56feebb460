/**
 * `npm run solar:data`: installs pvlib (pinned, .local-cloud/pvlib-venv) and runs bin/solar/generate-city-climate.py,
 * which rewrites shared/solar/domain/city-climate.generated.ts from bin/solar/city-inputs.json. The model's policy
 * goes to the generator on stdin, so the calibration uses the very coefficients the TypeScript model uses.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/local/handler-modules.ts';
import { installPvlib } from '../../lib/local/local-cloud.ts';
import { PV_MODEL_POLICY } from '../../shared/solar/domain/pv-policy.ts';

const python = installPvlib();
const result = spawnSync(python, ['-B', path.join(PROJECT_ROOT, 'bin', 'solar', 'generate-city-climate.py')], {
  input: JSON.stringify({ policy: PV_MODEL_POLICY }),
  stdio: ['pipe', 'inherit', 'inherit'],
});
if (result.error !== undefined) throw result.error;
process.exit(result.status ?? 1);
