import { loadPlatformConfig } from '../../shared/config/platform-config.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { buildOpenApiDocument } from '../../shared/http/openapi.ts';
import { routeList, routes } from '../../shared/platform/routes.ts';

const config = loadPlatformConfig();
/** The document depends only on code, so build it once per cold start. */
const openApiDocument = buildOpenApiDocument(routeList, config.appVersion);

export const handler = httpHandler(routes.getOpenApiDocument, async () => ({ statusCode: 200, body: openApiDocument }));
