import type { HttpMiddleware } from './request-context.ts';

/** Headers on every response, success or error: JSON only, not cached unless a handler says so, never framed, HTTPS only. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
};

export function responseHeadersMiddleware(): HttpMiddleware {
  const addHeaders: NonNullable<HttpMiddleware['after']> = (request) => {
    if (!request.response) return;
    const rabhan = request.context.rabhan;
    // A handler may deliberately relax a default (a public key set may be cached), so its headers win.
    request.response.headers = {
      ...SECURITY_HEADERS,
      ...request.response.headers,
      ...(rabhan === undefined ? {} : { 'X-Request-Id': rabhan.requestId, 'X-Correlation-Id': rabhan.correlationId }),
      'Content-Language': rabhan?.language ?? 'en',
    };
  };
  return { after: addHeaders, onError: addHeaders };
}
