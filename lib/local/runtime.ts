/**
 * The local runtime: everything `npm start` runs on top of the local engines. It provisions resources from the
 * shared definitions, serves the API, pumps the outbox stream to the bus and drains every integration queue.
 */
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { PLATFORM_ENVIRONMENT_VARIABLES } from '../../shared/kernel/config/platform-config.ts';
import { loadLendingPolicy, loadPlanPolicy } from '../../shared/kernel/config/policy-config.ts';
import { SECURITY_ENVIRONMENT_VARIABLES } from '../../shared/kernel/config/security-config.ts';
import { clock, identityStore, ids } from '../../shared/identity/compose.ts';
import { blindIndexer, personalDataCipher } from '../../shared/kernel/crypto/compose.ts';
import { grantRole } from '../../shared/identity/app/grant-role.ts';
import { scheduledJobList, type ScheduledJobDefinition } from '../../shared/catalog/schedules.ts';
import { loadHandler } from './handler-modules.ts';
import { lambdaContext } from './lambda-shapes.ts';
import { startNafathSimulator } from './simulators/nafath-simulator.ts';
import { startPaymentGatewaySimulator } from './simulators/payment-gateway-simulator.ts';
import { STAFF_IDENTITIES } from './simulators/test-identities.ts';
import { startSimahSimulator } from './simulators/simah-simulator.ts';
import { startSecSimulator } from './simulators/sec-simulator.ts';
import { startZatcaSimulator } from './simulators/zatca-simulator.ts';
import { startPayoutSimulator } from './simulators/payout-simulator.ts';
import { loadProjectPolicy } from '../../shared/projects/index.ts';
import { routeList } from '../../shared/catalog/routes.ts';
import { createApiServer } from './api-server.ts';
import type { Logger } from './local-logger.ts';
import { provisionLocalResources, type ProvisionedResources } from './provision.ts';
import { startQueuePoller } from './queue-poller.ts';
import { startStreamPump } from './stream-pump.ts';

export interface LocalRuntimeOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Prefixes every local resource name so that several runtimes can share one set of engines. */
  readonly resourcePrefix: string;
  readonly appVersion: string;
  readonly logger: Logger;
}

export interface LocalRuntime {
  readonly baseUrl: string;
  readonly resources: ProvisionedResources;
  stop(): Promise<void>;
}

/** Plays an EventBridge schedule: runs the job's real handler every `localIntervalSeconds`. */
function startScheduledJob(job: ScheduledJobDefinition, logger: Logger): NodeJS.Timeout {
  return setInterval(() => {
    void loadHandler(job.handlerEntry)
      .then((handler) => handler({}, lambdaContext(job.id, job.functionTimeoutSeconds * 1000)))
      .catch((error: unknown) => logger.warn('Scheduled job failed', { job: job.id, error: error instanceof Error ? error.message : String(error) }));
  }, job.localIntervalSeconds * 1000);
}

/** Grants the documented staff test identities their roles through the same audited use-case operators run. */
async function seedStaffIdentities(logger: Logger): Promise<void> {
  const deps = { identityStore: identityStore(), blindIndexer: blindIndexer(), cipher: personalDataCipher(), clock, ids };
  for (const staff of STAFF_IDENTITIES) {
    if (staff.staffRole === undefined) continue;
    await grantRole({ nationalId: staff.nationalId, role: staff.staffRole, grantedBy: 'local-runtime', reason: 'documented local staff test identity' }, deps);
  }
  logger.info('Staff test identities seeded', { count: STAFF_IDENTITIES.length });
}

export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  // POLICY_* variables from the environment of `npm start` reach every handler; a value out of its range stops the
  // runtime here, as it stops a synthesis, instead of failing each handler's first request.
  loadLendingPolicy();
  loadPlanPolicy();
  loadProjectPolicy();
  const resources = await provisionLocalResources(options.resourcePrefix);
  // Known only once the server listens, after the simulator that calls back into it has started.
  const api: { baseUrl?: string } = {};
  const callbackSecret = process.env[SECURITY_ENVIRONMENT_VARIABLES.nafathCallbackSecret] ?? randomBytes(32).toString('hex');
  // A real endpoint configured in the environment replaces the simulator.
  const nafath = process.env[SECURITY_ENVIRONMENT_VARIABLES.nafathBaseUrl]
    ? undefined
    : await startNafathSimulator({ port: 0, callbackSecret, callbackUrl: () => (api.baseUrl === undefined ? undefined : `${api.baseUrl}/v1/integrations/nafath/callback`) });
  const simah = process.env[SECURITY_ENVIRONMENT_VARIABLES.simahBaseUrl] ? undefined : await startSimahSimulator({ port: 0 });
  const sec = process.env[SECURITY_ENVIRONMENT_VARIABLES.secBaseUrl] ? undefined : await startSecSimulator({ port: 0 });
  const zatca = process.env[SECURITY_ENVIRONMENT_VARIABLES.zatcaBaseUrl] ? undefined : await startZatcaSimulator({ port: 0 });
  const webhookSecret = process.env[SECURITY_ENVIRONMENT_VARIABLES.paymentGatewayWebhookSecret] ?? randomBytes(32).toString('hex');
  const gateway = process.env[SECURITY_ENVIRONMENT_VARIABLES.paymentGatewayBaseUrl]
    ? undefined
    : await startPaymentGatewaySimulator({
        port: 0,
        webhookSecret,
        webhookUrl: () => (api.baseUrl === undefined ? undefined : `${api.baseUrl}/v1/integrations/payments/webhook`),
        refundWebhookUrl: () => (api.baseUrl === undefined ? undefined : `${api.baseUrl}/v1/integrations/payments/refund-webhook`),
      });

  const payoutWebhookSecret = process.env[SECURITY_ENVIRONMENT_VARIABLES.payoutProviderWebhookSecret] ?? randomBytes(32).toString('hex');
  const payouts = process.env[SECURITY_ENVIRONMENT_VARIABLES.payoutProviderBaseUrl]
    ? undefined
    : await startPayoutSimulator({ port: 0, webhookSecret: payoutWebhookSecret, webhookUrl: () => (api.baseUrl === undefined ? undefined : `${api.baseUrl}/v1/integrations/payouts/webhook`) });

  // Handler modules read their configuration when first imported, so it must be in place before any request.
  Object.assign(process.env, resources.keyEnvironment, {
    [PLATFORM_ENVIRONMENT_VARIABLES.tableName]: resources.tableName,
    [PLATFORM_ENVIRONMENT_VARIABLES.eventBusName]: resources.eventBusName,
    [PLATFORM_ENVIRONMENT_VARIABLES.evidenceBucketName]: resources.evidenceBucketName,
    [PLATFORM_ENVIRONMENT_VARIABLES.appVersion]: options.appVersion,
    [SECURITY_ENVIRONMENT_VARIABLES.nafathCallbackSecret]: callbackSecret,
    ...(nafath === undefined ? {} : { [SECURITY_ENVIRONMENT_VARIABLES.nafathBaseUrl]: nafath.baseUrl }),
    ...(simah === undefined ? {} : { [SECURITY_ENVIRONMENT_VARIABLES.simahBaseUrl]: simah.baseUrl }),
    ...(sec === undefined ? {} : { [SECURITY_ENVIRONMENT_VARIABLES.secBaseUrl]: sec.baseUrl }),
    ...(zatca === undefined ? {} : { [SECURITY_ENVIRONMENT_VARIABLES.zatcaBaseUrl]: zatca.baseUrl }),
    [SECURITY_ENVIRONMENT_VARIABLES.paymentGatewayWebhookSecret]: webhookSecret,
    ...(gateway === undefined ? {} : { [SECURITY_ENVIRONMENT_VARIABLES.paymentGatewayBaseUrl]: gateway.baseUrl }),
    [SECURITY_ENVIRONMENT_VARIABLES.payoutProviderWebhookSecret]: payoutWebhookSecret,
    ...(payouts === undefined ? {} : { [SECURITY_ENVIRONMENT_VARIABLES.payoutProviderBaseUrl]: payouts.baseUrl }),
  });
  const region = process.env.AWS_REGION ?? 'me-central-1';
  await seedStaffIdentities(options.logger);

  const streamPump = startStreamPump({ streamArn: resources.streamArn, logger: options.logger });
  const queuePollers = resources.queues.map((queue) => startQueuePoller({ queue, region, logger: options.logger }));
  const jobTimers = scheduledJobList.map((job) => startScheduledJob(job, options.logger));
  const server = createApiServer(routeList, options.logger);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://localhost:${port}`;
  api.baseUrl = baseUrl;
  options.logger.info('Local runtime ready', { baseUrl, tableName: resources.tableName });

  return {
    baseUrl,
    resources,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      jobTimers.forEach((timer) => clearInterval(timer));
      await Promise.all([streamPump.stop(), ...queuePollers.map((poller) => poller.stop()), nafath?.stop(), simah?.stop(), sec?.stop(), zatca?.stop(), gateway?.stop(), payouts?.stop()]);
    },
  };
}
