/** How an electricity account is stored, shared by the account store and the estimate store's batch read. */
import type { ElectricityAccount, ElectricityAccountStatus, EstimateSummary, MonthlyConsumption, SecImportFailureReason } from '../domain/electricity-account.ts';

/** Every attribute toElectricityAccount reads, for reads that project. */
export const ELECTRICITY_ACCOUNT_ATTRIBUTES = ['accountId', 'customerId', 'cityId', 'status', 'accountNumberCiphertext', 'consentGivenAt', 'linkedAt', 'months', 'importedAt', 'failureReason', 'latestEstimate'] as const;

const optionalDate = (value: unknown): Date | undefined => (value === undefined ? undefined : new Date(String(value)));

export function toElectricityAccount(item: Record<string, unknown>): ElectricityAccount {
  return {
    accountId: String(item.accountId),
    customerId: String(item.customerId),
    cityId: String(item.cityId),
    status: item.status as ElectricityAccountStatus,
    accountNumberCiphertext: String(item.accountNumberCiphertext),
    consentGivenAt: new Date(String(item.consentGivenAt)),
    linkedAt: new Date(String(item.linkedAt)),
    months: item.months as MonthlyConsumption[] | undefined,
    importedAt: optionalDate(item.importedAt),
    failureReason: item.failureReason as SecImportFailureReason | undefined,
    latestEstimate: item.latestEstimate as EstimateSummary | undefined,
  };
}
