/**
 * Stored solar estimates, in the customer's partition. An estimate is an immutable record of what was shown: its
 * figures and financing view are kept as computed, so reading one back never recomputes with today's policy.
 */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { customerKeys } from '../../customers/index.ts';
import { APPLICANT_ATTRIBUTES, toApplicant } from '../../lending/index.ts';
import { batchGetItems } from '../../kernel/storage/batch-get.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { writeTransaction } from '../../kernel/storage/unit-of-work.ts';
import type { EstimateContext, SolarEstimateStore } from '../app/ports.ts';
import type { SolarFinancingView, StoredSolarEstimate } from '../app/stored-estimate.ts';
import type { SolarEstimateFigures } from '../domain/estimate.ts';
import { ELECTRICITY_ACCOUNT_ATTRIBUTES, toElectricityAccount } from './electricity-account-items.ts';
import { ENTITY_TYPES, keys } from './keys.ts';

/** A stored estimate item, also read by the marketplace when a customer asks for quotes from it. */
export function toStoredEstimate(item: Record<string, unknown>): StoredSolarEstimate {
  return {
    estimateId: String(item.estimateId),
    customerId: String(item.customerId),
    createdAt: new Date(String(item.createdAt)),
    electricityAccountId: item.electricityAccountId === undefined ? undefined : String(item.electricityAccountId),
    figures: item.figures as SolarEstimateFigures,
    financing: item.financing as SolarFinancingView,
  };
}

export class DynamoDbSolarEstimateStore implements SolarEstimateStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async readEstimateContext(customerId: string, accountId: string | undefined): Promise<EstimateContext> {
    const customerKey = customerKeys.customer(customerId);
    const accountKey = accountId === undefined ? undefined : keys.electricityAccount(customerId, accountId);
    // Only what lending's rules and the account need: the customer item's personal-data ciphertexts stay unread.
    const items = await batchGetItems(this.documentClient, this.tableName, accountKey === undefined ? [customerKey] : [customerKey, accountKey], [...APPLICANT_ATTRIBUTES, ...ELECTRICITY_ACCOUNT_ATTRIBUTES]);
    const customerItem = items.get(customerKey);
    const accountItem = accountKey === undefined ? undefined : items.get(accountKey);
    return {
      applicant: customerItem === undefined ? undefined : toApplicant(customerId, customerItem),
      account: accountItem === undefined ? undefined : toElectricityAccount(accountItem),
    };
  }

  async saveEstimate(estimate: StoredSolarEstimate): Promise<void> {
    const estimatePut = {
      TableName: this.tableName,
      Item: {
        ...keys.solarEstimate(estimate.customerId, estimate.estimateId),
        entityType: ENTITY_TYPES.solarEstimate,
        estimateId: estimate.estimateId,
        customerId: estimate.customerId,
        createdAt: estimate.createdAt.toISOString(),
        ...(estimate.electricityAccountId === undefined ? {} : { electricityAccountId: estimate.electricityAccountId }),
        figures: estimate.figures,
        financing: estimate.financing,
      },
      ConditionExpression: CONDITIONS.itemMustNotExist,
    };
    if (estimate.electricityAccountId === undefined) {
      await this.documentClient.send(new PutCommand(estimatePut));
      return;
    }
    const { system } = estimate.figures;
    await writeTransaction(this.documentClient, [
      { name: 'estimateMustBeNew', item: { Put: estimatePut } },
      {
        name: 'accountMustExist',
        item: {
          Update: {
            TableName: this.tableName,
            Key: keys.electricityAccount(estimate.customerId, estimate.electricityAccountId),
            UpdateExpression: 'SET latestEstimate = :summary',
            // The last estimate written is the latest: two at once from one customer's own account are harmless,
            // and refusing the slower one would fail a request over a summary that only feeds the suitability score.
            ConditionExpression: CONDITIONS.itemMustExist,
            ExpressionAttributeValues: {
              ':summary': {
                estimateId: estimate.estimateId,
                recommendedWatts: system.recommendedWatts,
                targetWatts: system.targetWatts,
                limitedBy: system.limitedBy,
                createdAt: estimate.createdAt.toISOString(),
              },
            },
          },
        },
      },
    ]);
  }

  async findEstimate(customerId: string, estimateId: string): Promise<StoredSolarEstimate | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: keys.solarEstimate(customerId, estimateId), ConsistentRead: true }));
    return Item === undefined ? undefined : toStoredEstimate(Item);
  }
}
