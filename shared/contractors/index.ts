/** The only surface another context may import from contractors: its events, errors and key builders. */
export { CONTRACTORS_EVENTS } from './api/events.ts';
export { contractorsError } from './api/error-codes.ts';
export { contractorPartition, keys as contractorKeys } from './adapters/keys.ts';
export { DynamoDbContractorStore } from './adapters/contractor-store.ts';
export type { ContractorStore } from './app/ports.ts';
export type { Contractor, ContractorStatus } from './domain/contractor.ts';
