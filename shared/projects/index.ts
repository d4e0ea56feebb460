/**
 * The only surface another context may import from projects: the items that open a project inside lending's plan
 * transaction, the items and transitions payments commits when a down payment settles, and its events and errors.
 */
export { PROJECTS_EVENTS } from './api/events.ts';
export { projectsError } from './api/error-codes.ts';
export { keys as projectKeys } from './adapters/keys.ts';
export { projectOpeningWrites, projectUpdate, toProject } from './adapters/project-items.ts';
export { DEFAULT_PROJECT_POLICY, projectOfRefundId, receiveDownPayment, settleRefund, type Project, type ProjectPolicy } from './domain/project.ts';
export { loadProjectPolicy } from './policy-config.ts';
