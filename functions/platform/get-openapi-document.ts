import { ERROR_CODES } from '../../shared/catalog/error-codes.ts';
import { routeList } from '../../shared/catalog/routes.ts';
import { once, platformConfig } from '../../shared/kernel/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { buildOpenApiDocument } from '../../shared/kernel/http/openapi.ts';
import { platformRoutes } from '../../shared/platform/api/routes.ts';

/** The document depends only on code and the deployed version, so it is built once per container, on first use. */
const openApiDocument = once(() => buildOpenApiDocument(routeList, ERROR_CODES, platformConfig().appVersion));

export const handler = httpHandler(platformRoutes.getOpenApiDocument, async () => ({ statusCode: 200, body: openApiDocument() }));
