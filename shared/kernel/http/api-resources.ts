/**
 * The API Gateway resources the route table creates, and what each one answers to a method it does not declare.
 * API Gateway picks a resource first and then its method: a method the resource lacks never falls through to the
 * catch-all. So the API stack gives every resource an `ANY` method routed to the catch-all's handler, and the local
 * server matches the same way; the handler answers 405 with `Allow` from the route table, or 404 for no route.
 */
import type { HttpMethod, RouteDefinition } from './route.ts';

/** The greedy resource that catches every path no other resource matches. */
export const CATCH_ALL_PATH = '/{proxy+}';

/** The route that answers whatever no declared method does: the catch-all, when the route table has one. */
export function catchAllRoute(routes: readonly RouteDefinition[]): RouteDefinition | undefined {
  return routes.find((route) => route.path === CATCH_ALL_PATH && route.method === 'ANY');
}

/** Every resource path: each route's path and each of its parents (which API Gateway creates too), root included. */
export function resourcePaths(routes: readonly RouteDefinition[]): string[] {
  const paths = new Set<string>(['/']);
  for (const route of routes) {
    const segments = route.path.split('/').slice(1);
    segments.forEach((_segment, index) => paths.add(`/${segments.slice(0, index + 1).join('/')}`));
  }
  return [...paths].sort();
}

/** The methods a resource declares, as an `Allow` header lists them; empty when no route lives on it. */
export function declaredMethods(routes: readonly RouteDefinition[], resourcePath: string): Exclude<HttpMethod, 'ANY'>[] {
  const methods = routes.flatMap((route) => (route.path === resourcePath && route.method !== 'ANY' ? [route.method] : []));
  return [...new Set(methods)].sort();
}
