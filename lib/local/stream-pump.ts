/**
 * Plays the outbox EventBridge Pipe locally: reads the table's stream, keeps the records the Pipe's filter keeps
 * (new outbox items) and invokes the real publisher function with them in batches, as the Pipe does in AWS. Like the
 * Pipe, it does not move past a batch until the publisher succeeded, so every outbox item is delivered at least once.
 */
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { ENTITY_TYPES, KEY_ATTRIBUTES } from '../../shared/catalog/keys.ts';
import { OUTBOX_PUBLISHER_BATCH_SIZE, OUTBOX_PUBLISHER_HANDLER_ENTRY } from '../../shared/kernel/messaging/outbox.ts';
import { loadHandler } from './handler-modules.ts';
import { lambdaContext } from './lambda-shapes.ts';
import type { Logger } from './local-logger.ts';

/** GetRecords maximum per call, as in DynamoDB Streams. */
const STREAM_RECORDS_PER_READ_MAX = 1000;
const STREAM_POLL_INTERVAL_MILLISECONDS = 200;
const PUBLISHER_TIMEOUT_MILLISECONDS = 30_000;

export interface StreamPump {
  stop(): Promise<void>;
}

/** The Pipe's filter (OUTBOX_STREAM_FILTER_PATTERN) evaluated on one record. */
function passesOutboxFilter(record: StreamRecord): boolean {
  const entityType = record.dynamodb?.NewImage?.[KEY_ATTRIBUTES.entityType];
  return record.eventName === 'INSERT' && entityType !== undefined && 'S' in entityType && entityType.S === ENTITY_TYPES.outboxEvent;
}

const sleep = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

export function startStreamPump(options: { streamArn: string; logger: Logger }): StreamPump {
  const streams = new DynamoDBStreamsClient({});
  const shardIterators = new Map<string, string | undefined>();
  let running = true;

  async function discoverShards(): Promise<void> {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: options.streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (shard.ShardId === undefined || shardIterators.has(shard.ShardId)) continue;
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn: options.streamArn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
      );
      shardIterators.set(shard.ShardId, ShardIterator);
    }
  }

  async function publish(records: readonly StreamRecord[]): Promise<void> {
    const publisher = await loadHandler(OUTBOX_PUBLISHER_HANDLER_ENTRY);
    for (let start = 0; start < records.length; start += OUTBOX_PUBLISHER_BATCH_SIZE) {
      const batch = records.slice(start, start + OUTBOX_PUBLISHER_BATCH_SIZE) as unknown as DynamoDBRecord[];
      await publisher(batch, lambdaContext('outbox-publisher', PUBLISHER_TIMEOUT_MILLISECONDS));
    }
  }

  async function drainShard(shardId: string, iterator: string): Promise<void> {
    try {
      const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: STREAM_RECORDS_PER_READ_MAX }));
      const outboxRecords = Records.filter(passesOutboxFilter);
      if (outboxRecords.length > 0) await publish(outboxRecords);
      // A closed shard has no next iterator; keep its id so it is not rediscovered from TRIM_HORIZON.
      shardIterators.set(shardId, NextShardIterator);
    } catch (error) {
      if (error instanceof ExpiredIteratorException) shardIterators.delete(shardId);
      throw error;
    }
  }

  const loop = (async () => {
    while (running) {
      try {
        await discoverShards();
        for (const [shardId, iterator] of shardIterators) {
          if (iterator !== undefined && running) await drainShard(shardId, iterator);
        }
      } catch (error) {
        if (running) options.logger.warn('Stream pump will retry', { error: error instanceof Error ? error.message : String(error) });
      }
      await sleep(STREAM_POLL_INTERVAL_MILLISECONDS);
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
      streams.destroy();
    },
  };
}
