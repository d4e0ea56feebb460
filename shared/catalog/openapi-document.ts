/**
 * The published OpenAPI document, rendered from the route table and the error codes. It depends only on code, so it
 * is generated ahead of time (`npm run docs:openapi`) into shared/platform/api/openapi-document.generated.json,
 * which the document's function serves with the deployed version filled in: building it at run time from every
 * context's zod schemas cost that function more than 20 MB and most of its cold start. A test fails when the
 * generated file is stale.
 */
import { buildOpenApiDocument } from '../kernel/http/openapi.ts';
import { ERROR_CODES } from './error-codes.ts';
import { routeList } from './routes.ts';

/** The version in the generated file; the function replaces it with the deployed one. */
export const GENERATED_DOCUMENT_VERSION = 'generated';

export const OPENAPI_DOCUMENT_FILE = 'shared/platform/api/openapi-document.generated.json';

export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(routeList, ERROR_CODES, GENERATED_DOCUMENT_VERSION), null, 2)}\n`;
}
