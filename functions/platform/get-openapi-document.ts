import { once, platformConfig } from '../../shared/kernel/compose.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { platformRoutes } from '../../shared/platform/api/routes.ts';
import generatedDocument from '../../shared/platform/api/openapi-document.generated.json' with { type: 'json' };

/** Generated ahead of time from the route table (shared/catalog/openapi-document.ts); only the version is the deployment's. */
const openApiDocument = once(() => ({ ...generatedDocument, info: { ...generatedDocument.info, version: platformConfig().appVersion } }));

export const handler = httpHandler(platformRoutes.getOpenApiDocument, async () => ({ statusCode: 200, body: openApiDocument() }));
