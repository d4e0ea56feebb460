/**
 * What a scheduled job is. In AWS each is an EventBridge schedule rule invoking its function; the local runtime runs
 * the same handler on an interval. Jobs must be idempotent: running twice does nothing more. Each context declares
 * its jobs in `<context>/api/schedules.ts`; the catalogue joins them.
 */
import type { Permission } from '../deployment/permissions.ts';

export interface ScheduledJobDefinition {
  readonly id: string;
  readonly description: string;
  readonly handlerEntry: `functions/${string}.ts`;
  /** EventBridge schedule expression, in UTC. */
  readonly scheduleExpression: string;
  /** How often the local runtime runs the job, so its effect is visible during a local session. */
  readonly localIntervalSeconds: number;
  readonly functionTimeoutSeconds: number;
  readonly permissions: readonly Permission[];
}
