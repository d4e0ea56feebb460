/**
 * SEC electricity accounts, built like the SIMAH assessment and on the same mechanisms: the request records consent,
 * the encrypted number and an outbox event; the SEC worker does the slow call under the kernel's government-call
 * retry rules, and settles the account conditionally so that a duplicate delivery has one effect.
 */
import { customersError, type CustomerStore } from '../../customers/index.ts';
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import type { BlindIndexer, PersonalDataCipher } from '../../kernel/crypto/ports.ts';
import type { GovernmentServiceError } from '../../kernel/errors/government-service-error.ts';
import { kernelError } from '../../kernel/errors/kernel-error-codes.ts';
import type { Principal } from '../../kernel/http/request-context.ts';
import { DeadLetterNow } from '../../kernel/messaging/dead-letter-now.ts';
import { buildEventEnvelope } from '../../kernel/messaging/event-envelope.ts';
import { callGovernmentService, type GovernmentRetryPolicy } from '../../kernel/messaging/government-call.ts';
import { solarError } from '../api/error-codes.ts';
import { SOLAR_EVENTS } from '../api/events.ts';
import { defaultTiltDegrees, findCity } from '../domain/cities.ts';
import type { ElectricityAccount, SecImportFailureReason } from '../domain/electricity-account.ts';
import type { SolarEstimatePolicy } from '../domain/estimate-policy.ts';
import { simulatePvProduction } from '../domain/pv-model.ts';
import { suitabilityOf, type Suitability } from '../domain/suitability.ts';
import type { ElectricityAccountStore, SecConsumptionClient } from './ports.ts';

export async function linkElectricityAccount(
  command: { readonly principal: Principal; readonly secAccountNumber: string; readonly cityId: string; readonly consent: boolean; readonly correlationId: string },
  deps: {
    readonly customerStore: Pick<CustomerStore, 'find'>;
    readonly accountStore: ElectricityAccountStore;
    readonly cipher: Pick<PersonalDataCipher, 'encrypt'>;
    readonly blindIndexer: BlindIndexer;
    readonly clock: Clock;
    readonly ids: IdGenerator;
  },
): Promise<ElectricityAccount> {
  if (!command.consent) throw kernelError('CONSENT_REQUIRED', { details: [{ field: 'body.consent', issue: 'must be true' }] });
  const customer = await deps.customerStore.find(command.principal.principalId);
  if (customer === undefined) throw customersError('CUSTOMER_NOT_FOUND');
  const now = deps.clock.now();
  const accountId = deps.ids.newId();
  const [accountNumberCiphertext, accountNumberBlindIndex] = await Promise.all([
    deps.cipher.encrypt(accountId, 'secAccountNumber', command.secAccountNumber),
    deps.blindIndexer.indexOf('sec-account-number', command.secAccountNumber),
  ]);
  const account: ElectricityAccount = { accountId, customerId: customer.customerId, cityId: command.cityId, status: 'PENDING', accountNumberCiphertext, consentGivenAt: now, linkedAt: now };
  const outcome = await deps.accountStore.linkAccount(
    account,
    accountNumberBlindIndex,
    customer,
    { action: 'SEC_CONSUMPTION_CONSENT_GIVEN', actor: command.principal.principalId, occurredAt: now.toISOString(), facts: { accountId, cityId: command.cityId } },
    buildEventEnvelope(SOLAR_EVENTS.electricityAccountLinked, { accountId, customerId: customer.customerId, cityId: command.cityId, consentGivenAt: now.toISOString() }, {
      eventId: deps.ids.newId(),
      occurredAt: now,
      correlationId: command.correlationId,
    }),
  );
  if (outcome === 'already-linked') throw solarError('ELECTRICITY_ACCOUNT_ALREADY_LINKED');
  if (outcome === 'customer-changed') throw kernelError('CONCURRENT_UPDATE');
  return account;
}

export interface ElectricityAccountReading {
  readonly account: ElectricityAccount;
  readonly suitability: Suitability | undefined;
}

export async function getElectricityAccount(
  command: { readonly principal: Principal; readonly accountId: string },
  deps: { readonly accountStore: Pick<ElectricityAccountStore, 'findAccount'>; readonly solar: SolarEstimatePolicy },
): Promise<ElectricityAccountReading> {
  // Scoped by the caller's own id, so another customer's account is simply not found.
  const account = await deps.accountStore.findAccount(command.principal.principalId, command.accountId);
  if (account === undefined) throw solarError('ELECTRICITY_ACCOUNT_NOT_FOUND');
  if (account.status !== 'IMPORTED' || account.months === undefined) return { account, suitability: undefined };
  const city = findCity(account.cityId);
  if (city === undefined) throw new Error(`An account names an unsupported city: ${account.cityId}`);
  const yieldPerKilowattPeak = simulatePvProduction(city, { dcCapacityWatts: 1_000, tiltDegrees: defaultTiltDegrees(city.latitudeDegrees), azimuthDegrees: 180 }).annualAcKilowattHours;
  return {
    account,
    suitability: suitabilityOf({ months: account.months, citySpecificYieldKilowattHoursPerKilowattPeak: yieldPerKilowattPeak, latestEstimate: account.latestEstimate, tariff: deps.solar.residentialTariff }),
  };
}

/** A failure that retrying cannot fix; the account is settled as FAILED and the message dead-lettered at once. */
export class PermanentImportFailure extends DeadLetterNow {
  constructor(readonly failureReason: SecImportFailureReason) {
    super(failureReason);
    this.name = 'PermanentImportFailure';
  }
}

const FAILURE_REASONS: Record<GovernmentServiceError['reason'], SecImportFailureReason> = {
  TIMEOUT: 'SEC_TIMEOUT',
  UNAVAILABLE: 'SEC_UNAVAILABLE',
  MALFORMED_RESPONSE: 'SEC_MALFORMED_RESPONSE',
  REJECTED_REQUEST: 'SEC_REJECTED_REQUEST',
  NOT_FOUND: 'SEC_ACCOUNT_NOT_FOUND',
};

export interface ImportConsumptionDeps {
  readonly accountStore: ElectricityAccountStore;
  readonly cipher: Pick<PersonalDataCipher, 'decrypt'>;
  readonly sec: SecConsumptionClient;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly retry: GovernmentRetryPolicy;
  readonly sleep: (milliseconds: number) => Promise<void>;
}

export type ImportOutcome = 'imported' | 'already-imported';

export async function importElectricityConsumption(
  command: { readonly accountId: string; readonly customerId: string; readonly correlationId: string; readonly isFinalDelivery: boolean },
  deps: ImportConsumptionDeps,
): Promise<ImportOutcome> {
  const account = await deps.accountStore.findAccount(command.customerId, command.accountId);
  if (account === undefined) throw new Error('Electricity account not found for a linked event');
  if (account.status === 'IMPORTED') return 'already-imported';
  const accountNumber = await deps.cipher.decrypt(account.accountId, 'secAccountNumber', account.accountNumberCiphertext);

  const settleFailed = async (error: GovernmentServiceError): Promise<void> => {
    const failedAt = deps.clock.now();
    const failureReason = FAILURE_REASONS[error.reason];
    await deps.accountStore.recordImportFailure(
      account,
      { failureReason, failedAt },
      buildEventEnvelope(SOLAR_EVENTS.electricityConsumptionImportFailed, { accountId: account.accountId, customerId: account.customerId, reasonCode: failureReason, failedAt: failedAt.toISOString() }, {
        eventId: deps.ids.newId(),
        occurredAt: failedAt,
        correlationId: command.correlationId,
      }),
    );
  };

  return callGovernmentService(
    async (): Promise<ImportOutcome> => {
      const months = await deps.sec.fetchConsumption(accountNumber, account.accountId);
      const importedAt = deps.clock.now();
      const annualConsumptionKilowattHours = months.reduce((sum, month) => sum + month.consumptionKilowattHours, 0);
      const recorded = await deps.accountStore.recordImport(
        account,
        months,
        importedAt,
        buildEventEnvelope(
          SOLAR_EVENTS.electricityConsumptionImported,
          { accountId: account.accountId, customerId: account.customerId, cityId: account.cityId, monthCount: months.length, annualConsumptionKilowattHours, importedAt: importedAt.toISOString() },
          { eventId: deps.ids.newId(), occurredAt: importedAt, correlationId: command.correlationId },
        ),
      );
      return recorded ? 'imported' : 'already-imported';
    },
    {
      retry: deps.retry,
      sleep: deps.sleep,
      isFinalDelivery: command.isFinalDelivery,
      settleFailed,
      permanentFailure: (error) => new PermanentImportFailure(FAILURE_REASONS[error.reason]),
    },
  );
}
