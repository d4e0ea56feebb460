/**
 * The pipeline canary proves that asynchronous delivery works end to end: an emission commits an outbox event,
 * and the canary consumer records its arrival. Operations can emit one after a deploy and watch it arrive.
 */
import type { EventDetailEnvelope } from '../../kernel/messaging/event-type.ts';
import { buildEventEnvelope } from '../../kernel/messaging/event-envelope.ts';
import type { ConsumedEvent } from '../../kernel/messaging/sqs-event-consumer.ts';
import type { Clock, IdGenerator } from '../../kernel/clock-and-ids.ts';
import { PLATFORM_EVENTS } from '../api/events.ts';

export interface CanaryStore {
  /** Commits the emission record and its outbox event atomically. */
  recordEmission(canaryId: string, emittedAt: Date, event: EventDetailEnvelope): Promise<void>;
  /** Returns false when the arrival was already recorded (a duplicate delivery). */
  recordArrival(canaryId: string, eventId: string, arrivedAt: Date): Promise<boolean>;
  findArrival(canaryId: string): Promise<{ readonly eventId: string; readonly arrivedAt: Date } | undefined>;
}

export async function emitPipelineCanary(
  command: { readonly correlationId: string },
  deps: { readonly canaryStore: CanaryStore; readonly clock: Clock; readonly ids: IdGenerator },
): Promise<{ readonly canaryId: string; readonly eventId: string }> {
  const canaryId = deps.ids.newId();
  const emittedAt = deps.clock.now();
  const event = buildEventEnvelope(PLATFORM_EVENTS.pipelineCanaryEmitted, { canaryId }, {
    eventId: deps.ids.newId(),
    occurredAt: emittedAt,
    correlationId: command.correlationId,
  });
  await deps.canaryStore.recordEmission(canaryId, emittedAt, event);
  return { canaryId, eventId: event.id };
}

export async function recordCanaryArrival(
  event: ConsumedEvent<{ readonly canaryId: string }>,
  deps: { readonly canaryStore: CanaryStore; readonly clock: Clock },
): Promise<{ readonly firstArrival: boolean }> {
  const firstArrival = await deps.canaryStore.recordArrival(event.data.canaryId, event.eventId, deps.clock.now());
  return { firstArrival };
}
