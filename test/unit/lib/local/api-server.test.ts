import { describe, expect, it } from 'vitest';
import { compileApi, gatewayError, gatewayRequestTime, matchRoute } from '../../../../lib/local/api-server.ts';
import { GATEWAY_REQUEST_TIME_PATTERN } from '../../../../shared/kernel/http/gateway-responses.ts';
import type { RouteDefinition } from '../../../../shared/catalog/routes.ts';

const route = (method: RouteDefinition['method'], path: string): RouteDefinition => ({
  id: `${method}${path}`,
  method,
  path,
  handlerEntry: 'functions/x.ts',
  access: { kind: 'public' },
  throttle: { rateLimitPerSecond: 1, burstLimit: 1 },
  permissions: [],
  summary: '',
  request: {},
  responses: {},
  errorCodes: [],
});

describe('local route matching', () => {
  const api = compileApi([route('GET', '/v1/plans/{planId}'), route('GET', '/v1/plans/offers'), route('POST', '/v1/plans'), route('ANY', '/{proxy+}')]);

  const routeOf = (method: string, path: string) => {
    const matched = matchRoute(api, method, path);
    if (matched === undefined || matched === 'malformed') throw new Error(`expected ${path} to match a route`);
    return matched;
  };

  it('extracts decoded path parameters from the matching route', () => {
    const matched = routeOf('GET', '/v1/plans/01H%20X');
    expect(matched.route.path).toBe('/v1/plans/{planId}');
    expect(matched.resource).toBe('/v1/plans/{planId}');
    expect(matched.pathParameters).toEqual({ planId: '01H X' });
  });

  it('prefers a static segment to a path parameter, as API Gateway does', () => {
    expect(routeOf('GET', '/v1/plans/offers').route.path).toBe('/v1/plans/offers');
  });

  it('hands a method the matched resource does not declare to the catch-all, naming that resource', () => {
    const matched = routeOf('DELETE', '/v1/plans');

    expect(matched.route.path).toBe('/{proxy+}');
    expect(matched.resource).toBe('/v1/plans');
  });

  it('does not fall back to a less specific resource when the most specific one lacks the method', () => {
    const matched = routeOf('POST', '/v1/plans/offers');

    expect(matched.route.path).toBe('/{proxy+}');
    expect(matched.resource).toBe('/v1/plans/offers');
  });

  it('gives the parent resources API Gateway creates, root included, to the catch-all as well', () => {
    expect(routeOf('GET', '/v1').resource).toBe('/v1');
    expect(routeOf('GET', '/').resource).toBe('/');
  });

  it('sends a path no resource matches to the catch-all resource', () => {
    const matched = routeOf('GET', '/v1/plans/a/b');

    expect(matched.route.path).toBe('/{proxy+}');
    expect(matched.resource).toBe('/{proxy+}');
    expect(matched.pathParameters).toEqual({ proxy: 'v1/plans/a/b' });
  });

  it('reports a path parameter with broken percent-encoding as malformed instead of throwing', () => {
    expect(matchRoute(api, 'GET', '/v1/plans/%E0%A4%A')).toBe('malformed');
  });

  it('does not let a path parameter span segments, and matches nothing without a catch-all', () => {
    const withoutCatchAll = compileApi([route('GET', '/v1/plans/{planId}')]);

    expect(matchRoute(withoutCatchAll, 'GET', '/v1/plans/a/b')).toBeUndefined();
    expect(matchRoute(withoutCatchAll, 'DELETE', '/v1/plans/a')).toBeUndefined();
  });
});

describe('local gateway responses', () => {
  it('renders a gateway refusal with the request id, the request time in API Gateway format and the mapped status', () => {
    const receivedAt = new Date('2026-03-05T21:04:09Z');

    const result = gatewayError('ACCESS_DENIED', 'req-9', receivedAt);

    expect(result.statusCode).toBe(403);
    expect(result.headers).toMatchObject({ 'X-Request-Id': 'req-9' });
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'ROLE_NOT_PERMITTED', requestId: 'req-9', timestamp: '05/Mar/2026:21:04:09 +0000' } });
    expect(gatewayRequestTime(receivedAt)).toBe('05/Mar/2026:21:04:09 +0000');
    // The error format documents this spelling of the timestamp beside ISO 8601.
    expect(gatewayRequestTime(receivedAt)).toMatch(GATEWAY_REQUEST_TIME_PATTERN);
  });

  it('renders a crashed integration as 502, as API Gateway answers for a failed Lambda proxy', () => {
    expect(gatewayError('DEFAULT_5XX', 'req-1', new Date()).statusCode).toBe(502);
  });

  it('renders any other gateway refusal with its own 4xx status', () => {
    expect(gatewayError('DEFAULT_4XX', 'req-1', new Date()).statusCode).toBe(400);
  });
});
