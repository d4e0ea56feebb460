/** Installs the local AWS engines into .local-cloud/ if they are missing or outdated (run by bin/bootstrap.mjs). */
import { installLocalEngines, MissingPrerequisiteError } from '../lib/local/local-cloud.ts';

try {
  installLocalEngines();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof MissingPrerequisiteError ? 3 : 1);
}
