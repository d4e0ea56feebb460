/** The events the solar context publishes. `data` carries ids and facts, never personal data (no account number). */
import * as z from 'zod';
import { defineEventType } from '../../kernel/messaging/event-type.ts';
import { SEC_IMPORT_FAILURE_REASONS } from '../domain/electricity-account.ts';

export const SOLAR_EVENTS = {
  electricityAccountLinked: defineEventType({
    source: 'rabhan.solar',
    detailType: 'Electricity Account Linked',
    version: 1,
    data: z.strictObject({ accountId: z.string(), customerId: z.string(), cityId: z.string(), consentGivenAt: z.iso.datetime() }),
  }),
  electricityConsumptionImported: defineEventType({
    source: 'rabhan.solar',
    detailType: 'Electricity Consumption Imported',
    version: 1,
    data: z.strictObject({
      accountId: z.string(),
      customerId: z.string(),
      cityId: z.string(),
      monthCount: z.number().int().positive(),
      annualConsumptionKilowattHours: z.number().int().nonnegative(),
      importedAt: z.iso.datetime(),
    }),
  }),
  electricityConsumptionImportFailed: defineEventType({
    source: 'rabhan.solar',
    detailType: 'Electricity Consumption Import Failed',
    version: 1,
    data: z.strictObject({ accountId: z.string(), customerId: z.string(), reasonCode: z.enum(SEC_IMPORT_FAILURE_REASONS), failedAt: z.iso.datetime() }),
  }),
} as const;
