/**
 * `npm start`: the whole platform on this machine. Starts the local engines, provisions the table, keys, bus,
 * rules and queues from the shared definitions, and serves the API on http://localhost:3000 (PORT overrides)
 * with the government and payment simulators. Ctrl-C stops everything.
 */
import { applyEndpointsToEnvironment, startLocalCloud } from '../lib/local/local-cloud.ts';
import { jsonLinesLogger } from '../lib/local/local-logger.ts';
import { startLocalRuntime } from '../lib/local/runtime.ts';

const DEFAULT_PORT = 3000;
const logger = jsonLinesLogger('local-runtime');

const cloud = await startLocalCloud();
applyEndpointsToEnvironment(cloud.endpoints);
logger.info('Local engines ready', { ...cloud.endpoints });

const runtime = await startLocalRuntime({
  port: Number(process.env.PORT ?? DEFAULT_PORT),
  resourcePrefix: 'rabhan-local',
  appVersion: process.env.APP_VERSION ?? 'local',
  logger,
}).catch(async (error: unknown) => {
  await cloud.stop();
  throw error;
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('Stopping', { signal });
  await runtime.stop();
  await cloud.stop();
  logger.info('Stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
