/** The only surface another context may import from customers. */
export { customersError } from './api/error-codes.ts';
export { CUSTOMERS_EVENTS } from './api/events.ts';
export { customerPartition, keys as customerKeys } from './adapters/keys.ts';
export { ageViolations, residencyViolations, eligibilityViolations, type EligibilityViolation } from './domain/eligibility.ts';
export { customerAuditAppend } from './adapters/customer-store.ts';
export type { CustomerRecord, CustomerStore } from './app/customer-store.ts';
export { DynamoDbCustomerStore } from './adapters/customer-store.ts';
