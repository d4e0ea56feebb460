/**
 * Published events: a public product for integrators. Each event type has a source, a detail-type in words,
 * a schema version and a zod schema for its `data`. `data` carries ids and facts, never personal data.
 * `docs/events/` is generated from these definitions (see test/unit/contracts/events-docs.test.ts).
 */
import { z } from 'zod';

export interface EventTypeDefinition<TData extends z.ZodType = z.ZodType> {
  readonly source: `rabhan.${string}`;
  readonly detailType: string;
  readonly version: number;
  readonly data: TData;
}

function defineEventType<const TData extends z.ZodType>(definition: EventTypeDefinition<TData>): EventTypeDefinition<TData> {
  return definition;
}

export const EVENT_TYPES = {
  pipelineCanaryEmitted: defineEventType({
    source: 'rabhan.platform',
    detailType: 'Pipeline Canary Emitted',
    version: 1,
    data: z.strictObject({ canaryId: z.string().describe('Random id of this canary; the consumer records its arrival.') }),
  }),
} as const;

export type EventTypeName = keyof typeof EVENT_TYPES;

/** The envelope every published event's `detail` follows. */
export const eventDetailEnvelopeSchema = z.strictObject({
  id: z.string().describe('Unique event id; consumers deduplicate on it.'),
  version: z.number().int().positive().describe('Schema version of `data`.'),
  occurredAt: z.iso.datetime().describe('When the state change committed (UTC, ISO 8601).'),
  correlationId: z.string().describe('Ties the event to the request or message that caused it.'),
  data: z.unknown(),
});
export type EventDetailEnvelope = z.infer<typeof eventDetailEnvelopeSchema>;
