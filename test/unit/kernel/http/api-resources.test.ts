import { describe, expect, it } from 'vitest';
import { handler as routeNotFound } from '../../../../functions/platform/route-not-found.ts';
import { CATCH_ALL_PATH, catchAllRoute, declaredMethods, resourcePaths } from '../../../../shared/kernel/http/api-resources.ts';
import { routeList, routes } from '../../../../shared/catalog/routes.ts';
import { httpEvent, jsonBody, testContext } from '../../../support/http-events.ts';

describe('the API resources derived from the route table', () => {
  it('include every route path, each of its parents and the root, once each', () => {
    const paths = resourcePaths(routeList);

    expect(paths).toEqual(expect.arrayContaining(['/', '/v1', '/v1/ops', '/v1/ops/ledger', routes.getTrialBalance.path, CATCH_ALL_PATH]));
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('list the methods a resource declares, leaving out the catch-all ANY', () => {
    expect(declaredMethods(routeList, '/v1/customers/me')).toEqual(['GET', 'PATCH']);
    expect(declaredMethods(routeList, '/v1/ops/ledger')).toEqual([]);
    expect(declaredMethods(routeList, CATCH_ALL_PATH)).toEqual([]);
  });

  it('name the catch-all as the route that answers undeclared methods', () => {
    expect(catchAllRoute(routeList)).toBe(routes.routeNotFound);
  });
});

describe('the catch-all handler', () => {
  const answer = async (method: string, resource: string, headers: Record<string, string> = {}) => {
    const result = await routeNotFound(httpEvent({ method, path: resource, resource, headers }), testContext());
    return { ...result, error: (jsonBody(result) as { error: { code: string; message: string } }).error };
  };

  it('answers a method the resource does not declare with 405 and an Allow header of the declared methods', async () => {
    const result = await answer('TRACE', routes.getTrialBalance.path);

    expect(result.statusCode).toBe(405);
    expect(result.headers?.Allow).toBe('GET');
    expect(result.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('lists every declared method in Allow, and writes the message in Arabic when asked', async () => {
    const result = await answer('DELETE', '/v1/customers/me', { 'accept-language': 'ar' });

    expect(result.statusCode).toBe(405);
    expect(result.headers?.Allow).toBe('GET, PATCH');
    expect(result.error.message).toMatch(/[\u0600-\u06FF]/);
  });

  it('answers 404 ROUTE_NOT_FOUND for a resource that declares no method and for the catch-all resource', async () => {
    for (const resource of ['/v1/ops/ledger', CATCH_ALL_PATH, '/']) {
      const result = await answer('GET', resource);

      expect(result.statusCode).toBe(404);
      expect(result.error.code).toBe('ROUTE_NOT_FOUND');
      expect(result.headers?.Allow).toBeUndefined();
    }
  });

  it('answers from the method and the resource alone, before reading a body', async () => {
    const result = await routeNotFound(httpEvent({ method: 'PUT', path: '/v1/health', resource: '/v1/health', body: 'not json', headers: { 'content-type': 'text/plain' } }), testContext());

    expect(result.statusCode).toBe(405);
  });
});
