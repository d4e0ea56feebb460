import type { IdGenerator } from '../clock-and-ids.ts';
import type { EventDetailEnvelope, EventTypeDefinition, OutboundEvent } from './event-type.ts';
import type * as z from 'zod';

export interface EnvelopeFacts {
  readonly eventId: string;
  readonly occurredAt: Date;
  readonly correlationId: string;
}

/** Wraps event data in the published envelope, validating it so a malformed event can never be committed. */
export function buildEventEnvelope<TData extends z.ZodType>(
  eventType: EventTypeDefinition<TData>,
  data: z.input<TData>,
  facts: EnvelopeFacts,
): EventDetailEnvelope {
  return {
    id: facts.eventId,
    version: eventType.version,
    occurredAt: facts.occurredAt.toISOString(),
    correlationId: facts.correlationId,
    data: eventType.data.parse(data),
  };
}

/** The facts of an event that a change committed at `occurredAt` publishes, under a fresh event id. */
export const newEventFacts = (ids: IdGenerator, correlationId: string, occurredAt: Date): EnvelopeFacts => ({ eventId: ids.newId(), occurredAt, correlationId });

/** An event ready for the outbox: its type, and its envelope built (and validated) from the data. */
export function outboundEvent<TData extends z.ZodType>(eventType: EventTypeDefinition<TData>, data: z.input<TData>, facts: EnvelopeFacts): OutboundEvent {
  return { type: eventType, envelope: buildEventEnvelope(eventType, data, facts) };
}
