/**
 * The one way integration consumers are built. Each SQS record carries an EventBridge event delivered by a rule;
 * the record is parsed against the event type's schema and handed to the use-case. Failures are reported per
 * record (ReportBatchItemFailures), so one poison message goes to the DLQ without holding back the others.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { eventDetailEnvelopeSchema, type EventTypeDefinition } from './event-type.ts';
import { logger } from '../observability/logger.ts';
import { DeadLetterNow, sendToDeadLetterQueue } from './dead-letter.ts';

export interface ConsumedEvent<TData> {
  readonly eventId: string;
  readonly correlationId: string;
  readonly occurredAt: Date;
  readonly data: TData;
  /** How many times SQS has delivered this message, so handlers can tell a retry from a first attempt. */
  readonly receiveCount: number;
}

const eventBridgeEventSchema = z.object({ source: z.string(), 'detail-type': z.string(), detail: eventDetailEnvelopeSchema });

export class UnexpectedEventError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnexpectedEventError';
  }
}

export function parseConsumedEvent<TData extends z.ZodType>(
  eventType: EventTypeDefinition<TData>,
  record: SQSRecord,
): ConsumedEvent<z.infer<TData>> {
  const event = eventBridgeEventSchema.parse(JSON.parse(record.body));
  if (event.source !== eventType.source || event['detail-type'] !== eventType.detailType) {
    throw new UnexpectedEventError(`Expected ${eventType.source}/${eventType.detailType}`);
  }
  return {
    eventId: event.detail.id,
    correlationId: event.detail.correlationId,
    occurredAt: new Date(event.detail.occurredAt),
    data: eventType.data.parse(event.detail.data),
    receiveCount: Number(record.attributes.ApproximateReceiveCount),
  };
}

export function sqsEventConsumer<TData extends z.ZodType>(
  eventType: EventTypeDefinition<TData>,
  handleEvent: (event: ConsumedEvent<z.infer<TData>>) => Promise<void>,
): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  const processor = new BatchProcessor(EventType.SQS);
  const processRecord = async (record: SQSRecord): Promise<void> => {
    try {
      const consumed = parseConsumedEvent(eventType, record);
      logger.resetKeys();
      logger.appendKeys({ correlationId: consumed.correlationId, eventId: consumed.eventId });
      await handleEvent(consumed);
    } catch (error) {
      if (error instanceof DeadLetterNow) {
        await sendToDeadLetterQueue(record, error.reasonCode);
        logger.error('Message dead-lettered: it can never succeed', { messageId: record.messageId, reasonCode: error.reasonCode });
        return;
      }
      logger.warn('Message failed; SQS will redeliver it until it moves to the DLQ', { messageId: record.messageId, error });
      throw error;
    } finally {
      logger.removeKeys(['correlationId', 'eventId']);
    }
  };
  return async (event, context) =>
    processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false });
}
