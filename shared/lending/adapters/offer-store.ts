/** Offers, and what an offer needs to know about the customer asking for one. */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { customerKeys } from '../../customers/index.ts';
import type { NationalIdKind } from '../../kernel/national-id.ts';
import { CONDITIONS } from '../../kernel/storage/conditions.ts';
import { idempotencyKeyInUse, type IdempotencyScope, type StoredResponse } from '../../kernel/idempotency/idempotency.ts';
import { idempotencyRecordPut } from '../../kernel/idempotency/idempotency-store.ts';
import { TransactionConditionFailed, writeTransaction } from '../../kernel/storage/unit-of-work.ts';
import type { OfferStore } from '../app/ports.ts';
import type { AssessmentSummary } from '../domain/offer-policy.ts';
import type { Applicant, Offer } from '../domain/plan.ts';
import { ENTITY_TYPES, keys } from './keys.ts';
import { ARREARS_COUNT_ATTRIBUTES, arrearsCountsOf } from './plan-items.ts';

/** Offers are single-use and short-lived; the record is kept a day past expiry for support questions. */
const OFFER_RECORD_RETENTION_SECONDS = 24 * 60 * 60;

const epochSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);

/** The attributes of the customer item an applicant is read from. */
export const APPLICANT_ATTRIBUTES = ['outstandingHalalas', 'latestAssessment', 'nationalIdKind', 'dateOfBirthCiphertext', 'ageVerifiedForMinimumHijriYears', ...Object.values(ARREARS_COUNT_ATTRIBUTES)];

/** Lending's view of the customer item, also read by contexts that fetch it in a batch of their own (solar). */
export function toApplicant(customerId: string, item: Record<string, unknown>): Applicant {
  return {
    customerId,
    outstandingHalalas: Number(item.outstandingHalalas ?? 0),
    latestAssessment: item.latestAssessment as AssessmentSummary | undefined,
    plansInArrears: arrearsCountsOf(item),
    nationalIdKind: item.nationalIdKind as NationalIdKind,
    dateOfBirthCiphertext: String(item.dateOfBirthCiphertext),
    ageVerifiedForMinimumHijriYears: Number(item.ageVerifiedForMinimumHijriYears ?? 0),
  };
}

export class DynamoDbOfferStore implements OfferStore {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async saveOffer(offer: Offer): Promise<void> {
    await this.documentClient.send(new PutCommand(this.offerPut(offer)));
  }

  async saveOfferIdempotently(offer: Offer, idempotency: { readonly scope: IdempotencyScope; readonly response: StoredResponse }): Promise<void> {
    try {
      await writeTransaction(this.documentClient, [
        { name: 'offerMustBeNew', item: { Put: this.offerPut(offer) } },
        { name: 'idempotencyKeyUnused', item: idempotencyRecordPut(this.tableName, idempotency.scope, idempotency.response, offer.createdAt) },
      ]);
    } catch (error) {
      if (error instanceof TransactionConditionFailed && error.failed('idempotencyKeyUnused')) throw idempotencyKeyInUse(error);
      throw error;
    }
  }

  private offerPut(offer: Offer) {
    return {
      TableName: this.tableName,
      Item: {
        ...keys.offer(offer.customerId, offer.offerId),
        entityType: ENTITY_TYPES.offer,
        offerId: offer.offerId,
        customerId: offer.customerId,
        amountHalalas: offer.amountHalalas,
        downPaymentHalalas: offer.downPaymentHalalas,
        financedHalalas: offer.financedHalalas,
        installmentCount: offer.installmentCount,
        installments: offer.installments,
        createdAt: offer.createdAt.toISOString(),
        expiresAt: offer.expiresAt.toISOString(),
        expiresAtEpochSeconds: epochSeconds(offer.expiresAt) + OFFER_RECORD_RETENTION_SECONDS,
        ...(offer.quote === undefined ? {} : { quote: offer.quote }),
      },
      ConditionExpression: CONDITIONS.itemMustNotExist,
    };
  }

  async findApplicant(customerId: string): Promise<Applicant | undefined> {
    const { Item } = await this.documentClient.send(
      new GetCommand({
        TableName: this.tableName,
        Key: customerKeys.customer(customerId),
        ConsistentRead: true,
        ProjectionExpression: APPLICANT_ATTRIBUTES.join(', '),
      }),
    );
    return Item === undefined ? undefined : toApplicant(customerId, Item);
  }
}
