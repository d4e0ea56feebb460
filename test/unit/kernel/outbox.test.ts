import { describe, expect, it } from 'vitest';
import { marshall } from '@aws-sdk/util-dynamodb';
import { buildOutboxItem, outboxImageToBusEntry } from '../../../shared/kernel/messaging/outbox.ts';
import { EVENT_TYPES } from '../../../shared/catalog/events.ts';
import { buildEventEnvelope } from '../../../shared/kernel/messaging/event-envelope.ts';

describe('outbox items', () => {
  const envelope = buildEventEnvelope(EVENT_TYPES.pipelineCanaryEmitted, { canaryId: 'C1' }, {
    eventId: 'E1',
    occurredAt: new Date('2026-11-24T10:00:00Z'),
    correlationId: 'R1',
  });

  it('map back from their stream image to exactly the bus event the pipe publishes', () => {
    const image = marshall(buildOutboxItem(EVENT_TYPES.pipelineCanaryEmitted, envelope));

    const entry = outboxImageToBusEntry(image as Record<string, { S?: string }>);

    expect(entry).toEqual({ source: 'rabhan.platform', detailType: 'Pipeline Canary Emitted', detail: JSON.stringify(envelope) });
    expect(JSON.parse(entry!.detail)).toMatchObject({ id: 'E1', version: 1, correlationId: 'R1', data: { canaryId: 'C1' } });
  });

  it('expire after the retention period counted from when the event occurred', () => {
    const item = buildOutboxItem(EVENT_TYPES.pipelineCanaryEmitted, envelope);
    expect(item.expiresAtEpochSeconds).toBe(Date.parse('2026-12-01T10:00:00Z') / 1000);
  });

  it('are the only items the pipe mapping accepts', () => {
    expect(outboxImageToBusEntry(marshall({ PK: 'X', SK: 'Y', entityType: 'CanaryArrival' }) as Record<string, { S?: string }>)).toBeUndefined();
  });

  it('cannot be built from data that breaks the event schema', () => {
    expect(() =>
      buildEventEnvelope(EVENT_TYPES.pipelineCanaryEmitted, { canaryId: 'C1', nationalId: '1000000008' } as never, {
        eventId: 'E1',
        occurredAt: new Date(),
        correlationId: 'R1',
      }),
    ).toThrow();
  });
});
