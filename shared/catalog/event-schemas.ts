/**
 * Renders the published JSON Schema of every event type from its zod definition: the envelope with `data`
 * replaced by the type's own schema. docs/events/ holds the output; a test fails when it is stale.
 */
import * as z from 'zod';
import { EVENT_TYPES, eventDetailEnvelopeSchema, type EventTypeDefinition } from './events.ts';

export function eventSchemaFileName(eventType: EventTypeDefinition): string {
  return `${eventType.source}.${eventType.detailType.toLowerCase().replace(/\s+/g, '-')}.v${eventType.version}.json`;
}

export function renderEventSchema(eventType: EventTypeDefinition): string {
  const detail = eventDetailEnvelopeSchema.extend({ version: z.literal(eventType.version), data: eventType.data });
  const schema = {
    $id: `https://api.rabhan.sa/events/${eventSchemaFileName(eventType)}`,
    title: `${eventType.detailType} (v${eventType.version})`,
    description: `EventBridge event with source "${eventType.source}" and detail-type "${eventType.detailType}". The schema below is of its detail.`,
    'x-eventbridge': { source: eventType.source, 'detail-type': eventType.detailType },
    ...z.toJSONSchema(detail, { io: 'output' }),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export function renderAllEventSchemas(): Map<string, string> {
  return new Map(Object.values(EVENT_TYPES).map((eventType) => [eventSchemaFileName(eventType), renderEventSchema(eventType)]));
}
