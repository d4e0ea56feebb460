import { describe, expect, it } from 'vitest';
import { compileRoute, matchRoute } from '../../../../lib/local/api-server.ts';
import type { RouteDefinition } from '../../../../shared/platform/routes.ts';

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
  const compiled = [route('GET', '/v1/plans/{planId}'), route('POST', '/v1/plans'), route('ANY', '/{proxy+}')].map(compileRoute);

  it('extracts decoded path parameters from the matching route', () => {
    const matched = matchRoute(compiled, 'GET', '/v1/plans/01H%20X');
    expect(matched?.route.path).toBe('/v1/plans/{planId}');
    expect(matched?.pathParameters).toEqual({ planId: '01H X' });
  });

  it('falls through to the catch-all when the method or path does not match any specific route', () => {
    expect(matchRoute(compiled, 'DELETE', '/v1/plans')?.route.path).toBe('/{proxy+}');
    expect(matchRoute(compiled, 'GET', '/v1/plans/a/b')?.route.path).toBe('/{proxy+}');
  });

  it('does not let a path parameter span segments', () => {
    expect(matchRoute([compileRoute(route('GET', '/v1/plans/{planId}'))], 'GET', '/v1/plans/a/b')).toBeUndefined();
  });
});
