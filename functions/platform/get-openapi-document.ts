import { loadPlatformConfig } from '../../shared/kernel/config/platform-config.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { buildOpenApiDocument } from '../../shared/kernel/http/openapi.ts';
import { routeList } from '../../shared/catalog/routes.ts';
import { platformRoutes } from '../../shared/platform/api/routes.ts';
import { ERROR_CODES } from '../../shared/catalog/error-codes.ts';

const config = loadPlatformConfig();
/** The document depends only on code, so build it once per cold start. */
const openApiDocument = buildOpenApiDocument(routeList, ERROR_CODES, config.appVersion);

export const handler = httpHandler(platformRoutes.getOpenApiDocument, async () => ({ statusCode: 200, body: openApiDocument }));
