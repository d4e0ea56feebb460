/**
 * Builds the projects context's dependencies on first use, once per container: the only place its adapters are made
 * and its policy is read and checked. Evidence, personal data and payouts each have their own builder
 * (compose-evidence.ts, compose-personal-data.ts, compose-payouts.ts), so that only the functions that need the S3
 * client, the field cipher or the bank client bundle them.
 */
import { systemClock, ulidGenerator } from '../kernel/clock-and-ids.ts';
import { documentClient, once, platformConfig } from '../kernel/compose.ts';
import type { DocumentClient } from '../kernel/storage/document-client.ts';
import { DynamoDbProjectStore } from './adapters/project-store.ts';
import type { ProjectDeps } from './app/project-deps.ts';
import type { ProjectPolicy } from './domain/project.ts';
import { loadProjectPolicy } from './policy-config.ts';

/** The projects dependencies on a given table and policy; tests and benchmarks build them on their own table. */
export function buildProjectDeps(client: DocumentClient, tableName: string, policy: ProjectPolicy): ProjectDeps {
  return { projectStore: new DynamoDbProjectStore(client, tableName), clock: systemClock, ids: ulidGenerator, policy };
}

export const projectDeps = /* @__PURE__ */ once((): ProjectDeps => buildProjectDeps(documentClient(), platformConfig().tableName, loadProjectPolicy()));

export { idempotencyStore } from '../kernel/compose.ts';
