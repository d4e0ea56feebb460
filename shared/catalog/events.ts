/**
 * Every published event, joined from the contexts that declare them: a public product for integrators. The
 * integrations stack routes on these, and `docs/events/` is generated from them (`npm run docs:events`).
 */
import { CREDIT_EVENTS } from '../credit/api/events.ts';
import { CUSTOMERS_EVENTS } from '../customers/api/events.ts';
import { IDENTITY_EVENTS } from '../identity/api/events.ts';
import { LENDING_EVENTS } from '../lending/api/events.ts';
import { PAYMENTS_EVENTS } from '../payments/api/events.ts';
import { PLATFORM_EVENTS } from '../platform/api/events.ts';
import { SOLAR_EVENTS } from '../solar/api/events.ts';
import { CONTRACTORS_EVENTS } from '../contractors/api/events.ts';
import { MARKETPLACE_EVENTS } from '../marketplace/api/events.ts';
import { PROJECTS_EVENTS } from '../projects/api/events.ts';
import type { EventTypeDefinition } from '../kernel/messaging/event-type.ts';
import { joinDeclarations } from './join.ts';

const EVENTS_BY_CONTEXT = {
  platform: PLATFORM_EVENTS,
  identity: IDENTITY_EVENTS,
  customers: CUSTOMERS_EVENTS,
  credit: CREDIT_EVENTS,
  lending: LENDING_EVENTS,
  payments: PAYMENTS_EVENTS,
  solar: SOLAR_EVENTS,
  contractors: CONTRACTORS_EVENTS,
  marketplace: MARKETPLACE_EVENTS,
  projects: PROJECTS_EVENTS,
} as const;

type Joined<T> = T extends Record<string, infer TEvents> ? (TEvents extends unknown ? (x: TEvents) => void : never) extends (x: infer I) => void ? I : never : never;

export const EVENT_TYPES = joinDeclarations<EventTypeDefinition>('event type', EVENTS_BY_CONTEXT) as Joined<typeof EVENTS_BY_CONTEXT>;

export type EventTypeName = keyof typeof EVENT_TYPES;
export { eventDetailEnvelopeSchema, type EventDetailEnvelope, type EventTypeDefinition } from '../kernel/messaging/event-type.ts';
