/**
 * The API Gateway REQUEST authorizer. It verifies the bearer access token with the signing key's public half,
 * fetched from KMS once per container, so no request pays a KMS call. Role checks happen per route in the handler
 * stack, which lets API Gateway cache one decision per token for every route.
 */
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { verifyAccessToken } from '../../shared/identity/app/access-token.ts';
import { accessTokenVerification, clock } from '../../shared/identity/compose.ts';
import { logger } from '../../shared/kernel/observability/logger.ts';

function bearerToken(event: APIGatewayRequestAuthorizerEvent): string | undefined {
  const header = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  const match = header === undefined ? null : /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
  return match?.[1];
}

/** Allows the whole stage, so API Gateway's cached decision holds for every route this token calls. */
function stageWildcard(methodArn: string): string {
  const [arnPrefix = '', apiGatewayPath = ''] = methodArn.split(':execute-api:');
  const [regionAccountApi = '', stage = ''] = apiGatewayPath.split('/');
  return `${arnPrefix}:execute-api:${regionAccountApi}/${stage}/*`;
}

export async function handler(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const token = bearerToken(event);
  if (token === undefined) throw new Error('Unauthorized');
  try {
    const { issuer, publicKeys } = accessTokenVerification();
    const claims = verifyAccessToken(token, await publicKeys(), { issuer, now: clock.now() });
    return {
      principalId: claims.sub,
      policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: stageWildcard(event.methodArn) }] },
      context: { principalId: claims.sub, roles: claims.roles.join(',') },
    };
  } catch (error) {
    logger.info('Access token refused', { reason: error instanceof Error ? error.message : 'unknown' });
    // API Gateway answers 401 only for this exact message.
    throw new Error('Unauthorized', { cause: error });
  }
}
