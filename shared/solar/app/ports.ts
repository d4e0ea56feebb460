/** The solar context's persistence and SEC ports. */
import type { AuditEntryContent } from '../../audit/index.ts';
import type { CustomerRecord } from '../../customers/index.ts';
import type { Applicant } from '../../lending/index.ts';
import type { EventDetailEnvelope } from '../../kernel/messaging/event-type.ts';
import type { ElectricityAccount, MonthlyConsumption } from '../domain/electricity-account.ts';
import type { StoredSolarEstimate } from './stored-estimate.ts';

export interface EstimateContext {
  /** The customer as lending reads them; undefined when the caller has not registered. */
  readonly applicant: Applicant | undefined;
  /** The electricity account asked for, when one was. */
  readonly account: ElectricityAccount | undefined;
}

export interface SolarEstimateStore {
  /** One read: the customer item and, when asked for, the electricity account. */
  readEstimateContext(customerId: string, accountId: string | undefined): Promise<EstimateContext>;
  /** One write: the estimate, and the account's latest-estimate summary when made from an account. */
  saveEstimate(estimate: StoredSolarEstimate): Promise<void>;
  findEstimate(customerId: string, estimateId: string): Promise<StoredSolarEstimate | undefined>;
}

export interface ElectricityAccountStore {
  /**
   * Links a PENDING account: the account, its number guard (keyed by blind index, so one customer cannot link a
   * number twice), the consent in the customer's audit chain and the outbox event, in one transaction.
   * 'already-linked' when the guard exists; 'customer-changed' on a concurrent change to the customer.
   */
  linkAccount(account: ElectricityAccount, accountNumberBlindIndex: string, customer: CustomerRecord, audit: AuditEntryContent, event: EventDetailEnvelope): Promise<'linked' | 'already-linked' | 'customer-changed'>;
  findAccount(customerId: string, accountId: string): Promise<ElectricityAccount | undefined>;
  /** Moves a PENDING or FAILED account to IMPORTED with its months and the outbox event; false if already IMPORTED. */
  recordImport(account: ElectricityAccount, months: readonly MonthlyConsumption[], importedAt: Date, event: EventDetailEnvelope): Promise<boolean>;
  /** Moves a PENDING or FAILED account to FAILED with the outbox event; false if already IMPORTED. */
  recordImportFailure(account: ElectricityAccount, failure: Pick<ElectricityAccount, 'failureReason'> & { readonly failedAt: Date }, event: EventDetailEnvelope): Promise<boolean>;
}

export interface SecConsumptionClient {
  /** The last 12 billing months of an account, oldest first. */
  fetchConsumption(accountNumber: string, consentReference: string): Promise<readonly MonthlyConsumption[]>;
}
