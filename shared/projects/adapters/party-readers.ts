/**
 * What the projects context reads of other contexts' items, through their published keys: the customer's name and
 * phone ciphertexts (for the contractor's disclosure) and the contractor's IBAN ciphertext (for its payouts). Only the
 * ciphertexts needed are read; decryption happens in the use-case, with the permission its function declares.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { contractorKeys } from '../../contractors/index.ts';
import { customerKeys } from '../../customers/index.ts';
import type { ContractorIbanReader, CustomerContactReader } from '../app/project-deps.ts';

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

export class DynamoDbContractorIbanReader implements ContractorIbanReader {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async findIbanCiphertext(contractorId: string): Promise<string | undefined> {
    const { Item } = await this.documentClient.send(new GetCommand({ TableName: this.tableName, Key: contractorKeys.contractor(contractorId), ConsistentRead: true, ProjectionExpression: 'ibanCiphertext' }));
    return Item?.ibanCiphertext === undefined ? undefined : String(Item.ibanCiphertext);
  }
}
