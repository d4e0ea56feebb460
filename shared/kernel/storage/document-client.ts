import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** SDK retries for throttling and 5xx; bounded so one request cannot outlive the API Gateway timeout. */
export const DYNAMODB_MAX_ATTEMPTS = 3;

/**
 * A document client; kernel/compose.ts builds one per process on first use, so warm invocations reuse it.
 * The endpoint comes from the standard AWS_ENDPOINT_URL_DYNAMODB variable when running locally.
 */
export function createDocumentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: DYNAMODB_MAX_ATTEMPTS }), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/** The document client as the rest of the code names it, so that only adapters import the SDK's own types. */
export type DocumentClient = DynamoDBDocumentClient;
