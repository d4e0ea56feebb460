import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { platformRoutes } from '../../shared/platform/api/routes.ts';
import { platformConfig } from '../../shared/kernel/compose.ts';

export const handler = httpHandler(platformRoutes.getHealth, async () => {
  const { appVersion, region } = platformConfig();
  return { statusCode: 200, body: { status: 'ok', version: appVersion, region } };
});
