/**
 * The shape of a published event. Each context declares its events (`<context>/api/events.ts`) with
 * defineEventType; the catalogue joins them for routing, the integrations stack and `docs/events/`.
 */
import * as z from 'zod';

export interface EventTypeDefinition<TData extends z.ZodType = z.ZodType> {
  readonly source: `rabhan.${string}`;
  readonly detailType: string;
  readonly version: number;
  readonly data: TData;
}

export function defineEventType<const TData extends z.ZodType>(definition: EventTypeDefinition<TData>): EventTypeDefinition<TData> {
  return definition;
}

/** The envelope every published event's `detail` follows. */
export const eventDetailEnvelopeSchema = z.strictObject({
  id: z.string().describe('Unique event id; consumers deduplicate on it.'),
  version: z.number().int().positive().describe('Schema version of `data`.'),
  occurredAt: z.iso.datetime().describe('When the state change committed (UTC, ISO 8601).'),
  correlationId: z.string().describe('Ties the event to the request or message that caused it.'),
  data: z.unknown(),
});
export type EventDetailEnvelope = z.infer<typeof eventDetailEnvelopeSchema>;

/** An event to publish through the outbox in the same transaction as the change it reports. */
export interface OutboundEvent {
  readonly type: EventTypeDefinition;
  readonly envelope: EventDetailEnvelope;
}
