import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventDetailEnvelope } from '../../kernel/messaging/event-type.ts';
import type { CanaryStore } from '../app/pipeline-canary.ts';
import { buildOutboxItem } from '../../kernel/messaging/outbox.ts';
import { CONDITIONS, isConditionalCheckFailed } from '../../kernel/storage/conditions.ts';
import { ENTITY_TYPES, keys } from './keys.ts';
import { PLATFORM_EVENTS } from '../api/events.ts';

/** Canary records are diagnostics, not records of account: keep them a week. */
const CANARY_RETENTION_SECONDS = 7 * 24 * 60 * 60;

const epochSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);

export class DynamoDbCanaryStore implements CanaryStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async recordEmission(canaryId: string, emittedAt: Date, event: EventDetailEnvelope): Promise<void> {
    await this.documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...keys.canaryEmission(canaryId),
                entityType: ENTITY_TYPES.canaryEmission,
                eventId: event.id,
                emittedAt: emittedAt.toISOString(),
                expiresAtEpochSeconds: epochSeconds(emittedAt) + CANARY_RETENTION_SECONDS,
              },
              ConditionExpression: CONDITIONS.itemMustNotExist,
            },
          },
          {
            Put: {
              TableName: this.tableName,
              Item: buildOutboxItem(PLATFORM_EVENTS.pipelineCanaryEmitted, event),
              ConditionExpression: CONDITIONS.itemMustNotExist,
            },
          },
        ],
      }),
    );
  }

  async recordArrival(canaryId: string, eventId: string, arrivedAt: Date): Promise<boolean> {
    try {
      await this.documentClient.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.canaryArrival(canaryId),
            entityType: ENTITY_TYPES.canaryArrival,
            eventId,
            arrivedAt: arrivedAt.toISOString(),
            expiresAtEpochSeconds: epochSeconds(arrivedAt) + CANARY_RETENTION_SECONDS,
          },
          ConditionExpression: CONDITIONS.itemMustNotExist,
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async findArrival(canaryId: string): Promise<{ readonly eventId: string; readonly arrivedAt: Date } | undefined> {
    const { Item } = await this.documentClient.send(
      new GetCommand({ TableName: this.tableName, Key: keys.canaryArrival(canaryId), ConsistentRead: true }),
    );
    if (Item === undefined) return undefined;
    return { eventId: String(Item.eventId), arrivedAt: new Date(String(Item.arrivedAt)) };
  }
}
