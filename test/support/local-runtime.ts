import { randomUUID } from 'node:crypto';
import { jsonLinesLogger, type Logger } from '../../lib/local/local-logger.ts';
import { startLocalRuntime, type LocalRuntime } from '../../lib/local/runtime.ts';

/**
 * The runtime's own warnings and errors (a consumer invocation that threw, a stream pump or scheduled job that will
 * retry) go to the test output, so that a CI failure of an asynchronous step can be read from its log; the routine
 * INFO lines would drown the report.
 */
const warnings = jsonLinesLogger('local-runtime', (line) => process.stderr.write(`${line}\n`));
const testRuntimeLogger: Logger = { info: () => undefined, warn: warnings.warn, error: warnings.error };

/** A runtime with its own resource prefix, so test files sharing one set of engines never see each other's data. */
export function startTestRuntime(): Promise<LocalRuntime> {
  return startLocalRuntime({ port: 0, resourcePrefix: `t${randomUUID().slice(0, 8)}`, appVersion: 'test', logger: testRuntimeLogger });
}
