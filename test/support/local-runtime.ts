import { randomUUID } from 'node:crypto';
import { silentLogger } from '../../lib/local/local-logger.ts';
import { startLocalRuntime, type LocalRuntime } from '../../lib/local/runtime.ts';

/** A runtime with its own resource prefix, so test files sharing one set of engines never see each other's data. */
export function startTestRuntime(): Promise<LocalRuntime> {
  return startLocalRuntime({ port: 0, resourcePrefix: `t${randomUUID().slice(0, 8)}`, appVersion: 'test', logger: silentLogger });
}
