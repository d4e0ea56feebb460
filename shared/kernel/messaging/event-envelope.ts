import type { EventDetailEnvelope, EventTypeDefinition } from './event-type.ts';
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
