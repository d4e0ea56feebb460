/** Refresh-token families: rotated one generation at a time, and revoked as a whole when a stolen token is replayed. */
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CONDITIONS, isConditionalCheckFailed } from '../../kernel/storage/conditions.ts';
import type { RefreshTokenFamily } from '../app/identity-store.ts';
import { toFamily } from './identity-items.ts';
import { keys } from './keys.ts';

export class DynamoDbRefreshFamilies {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async find(familyId: string): Promise<RefreshTokenFamily | undefined> {
    const { Item: item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.refreshTokenFamily(familyId), ConsistentRead: true }));
    return item === undefined ? undefined : toFamily(item);
  }

  async rotate(family: RefreshTokenFamily, nextSecretHash: string): Promise<boolean> {
    try {
      await this.documentClient.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.refreshTokenFamily(family.familyId),
          UpdateExpression: 'SET generation = :next, currentSecretHash = :nextHash',
          // Only the holder of the current generation may rotate, and never after revocation.
          ConditionExpression: 'generation = :current AND currentSecretHash = :currentHash AND attribute_not_exists(revokedAt)',
          ExpressionAttributeValues: {
            ':next': family.generation + 1,
            ':nextHash': nextSecretHash,
            ':current': family.generation,
            ':currentHash': family.currentSecretHash,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async revoke(familyId: string, at: Date): Promise<void> {
    await this.documentClient.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.refreshTokenFamily(familyId),
        UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
        ConditionExpression: CONDITIONS.itemMustExist,
        ExpressionAttributeValues: { ':at': at.toISOString() },
      }),
    );
  }
}
