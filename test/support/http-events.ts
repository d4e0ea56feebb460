import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { apiGatewayProxyEvent, lambdaContext } from '../../lib/local/lambda-shapes.ts';

export interface TestRequest {
  readonly method?: string;
  readonly path?: string;
  readonly resource?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly pathParameters?: Record<string, string>;
  readonly authorizer?: { principalId: string; roles: string };
}

/** Builds the same REST API proxy event the local runtime hands to handlers. */
export function httpEvent(request: TestRequest = {}): APIGatewayProxyEvent {
  return apiGatewayProxyEvent(
    {
      method: request.method ?? 'GET',
      path: request.path ?? '/v1/test',
      query: new URLSearchParams(),
      headers: request.headers ?? {},
      body: request.body,
      sourceIp: '127.0.0.1',
    },
    request.resource ?? request.path ?? '/v1/test',
    request.pathParameters ?? null,
    request.authorizer ?? null,
  );
}

export function testContext(): Context {
  return lambdaContext('test', 3_000);
}

export function jsonBody(result: APIGatewayProxyResult): Record<string, unknown> {
  return JSON.parse(result.body) as Record<string, unknown>;
}
