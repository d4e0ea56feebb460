/**
 * What the projects context reads of the customers context's item, through its published keys: the customer's name
 * and phone ciphertexts, for the contractor's disclosure. Only the ciphertexts needed are read; decryption happens in
 * the use-case, with the permission its function declares. (The contractor's IBAN is read with the disbursement, in
 * the project store's batch read.)
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { customerKeys } from '../../customers/index.ts';
import type { CustomerContactReader } from '../app/project-deps.ts';

export class DynamoDbCustomerContactReader implements CustomerContactReader {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async findContact(customerId: string) {
    const { Item } = await this.documentClient.send(
      new GetCommand({ TableName: this.tableName, Key: customerKeys.customer(customerId), ConsistentRead: true, ProjectionExpression: 'fullNameArCiphertext, fullNameEnCiphertext, phoneCiphertext' }),
    );
    if (Item?.fullNameArCiphertext === undefined) return undefined;
    return { fullNameArCiphertext: String(Item.fullNameArCiphertext), fullNameEnCiphertext: String(Item.fullNameEnCiphertext), phoneCiphertext: String(Item.phoneCiphertext) };
  }
}
