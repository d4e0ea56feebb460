/**
 * Builds the event and context objects that AWS would hand our Lambda handlers, so the local runtime invokes the
 * real handler modules exactly as API Gateway and the SQS event source do.
 */
import type { APIGatewayProxyEvent, APIGatewayRequestAuthorizerEvent, Context, SQSEvent, SQSRecord } from 'aws-lambda';
import type { Message } from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';

export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_API_ID = 'local';
export const LOCAL_STAGE = 'local';

export interface IncomingHttpRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  readonly sourceIp: string;
}

export function lambdaContext(functionName: string, timeoutMilliseconds: number): Context {
  const deadline = Date.now() + timeoutMilliseconds;
  const awsRequestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:${LOCAL_ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${awsRequestId}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function singleAndMultiValue(params: URLSearchParams): {
  single: Record<string, string> | null;
  multi: Record<string, string[]> | null;
} {
  const multi: Record<string, string[]> = {};
  for (const [key, value] of params) multi[key] = [...(multi[key] ?? []), value];
  const keys = Object.keys(multi);
  if (keys.length === 0) return { single: null, multi: null };
  // API Gateway's single-value map keeps the last value of a repeated parameter.
  return { single: Object.fromEntries(keys.map((key) => [key, multi[key]!.at(-1)!])), multi };
}

export function apiGatewayProxyEvent(
  request: IncomingHttpRequest,
  resourcePath: string,
  pathParameters: Record<string, string> | null,
  authorizerContext: Record<string, string> | null,
): APIGatewayProxyEvent {
  const query = singleAndMultiValue(request.query);
  const requestTimeEpoch = Date.now();
  return {
    resource: resourcePath,
    path: request.path,
    httpMethod: request.method,
    headers: request.headers,
    multiValueHeaders: Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, [value]])),
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    pathParameters,
    stageVariables: null,
    body: request.body ?? null,
    isBase64Encoded: false,
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: LOCAL_API_ID,
      authorizer: authorizerContext,
      protocol: 'HTTP/1.1',
      httpMethod: request.method,
      path: `/${LOCAL_STAGE}${request.path}`,
      stage: LOCAL_STAGE,
      requestId: randomUUID(),
      requestTimeEpoch,
      resourceId: LOCAL_API_ID,
      resourcePath,
      identity: {
        sourceIp: request.sourceIp,
        userAgent: request.headers['user-agent'] ?? null,
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        user: null,
        userArn: null,
      },
    },
  };
}

export function requestAuthorizerEvent(proxyEvent: APIGatewayProxyEvent): APIGatewayRequestAuthorizerEvent {
  return {
    type: 'REQUEST',
    methodArn: `arn:aws:execute-api:local:${LOCAL_ACCOUNT_ID}:${LOCAL_API_ID}/${LOCAL_STAGE}/${proxyEvent.httpMethod}${proxyEvent.path}`,
    resource: proxyEvent.resource,
    path: proxyEvent.path,
    httpMethod: proxyEvent.httpMethod,
    headers: proxyEvent.headers as Record<string, string>,
    multiValueHeaders: proxyEvent.multiValueHeaders as Record<string, string[]>,
    pathParameters: proxyEvent.pathParameters,
    queryStringParameters: proxyEvent.queryStringParameters,
    multiValueQueryStringParameters: proxyEvent.multiValueQueryStringParameters,
    stageVariables: null,
    requestContext: proxyEvent.requestContext,
  } as APIGatewayRequestAuthorizerEvent;
}

export function sqsEvent(messages: readonly Message[], queueArn: string, region: string): SQSEvent {
  return {
    Records: messages.map(
      (message): SQSRecord => ({
        messageId: message.MessageId ?? randomUUID(),
        receiptHandle: message.ReceiptHandle ?? '',
        body: message.Body ?? '',
        attributes: {
          ApproximateReceiveCount: message.Attributes?.ApproximateReceiveCount ?? '1',
          SentTimestamp: message.Attributes?.SentTimestamp ?? String(Date.now()),
          SenderId: message.Attributes?.SenderId ?? LOCAL_ACCOUNT_ID,
          ApproximateFirstReceiveTimestamp: message.Attributes?.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: message.MD5OfBody ?? '',
        eventSource: 'aws:sqs',
        eventSourceARN: queueArn,
        awsRegion: region,
      }),
    ),
  };
}
