import { loadPlatformConfig } from '../../shared/kernel/config/platform-config.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { platformRoutes } from '../../shared/platform/api/routes.ts';

const config = loadPlatformConfig();

export const handler = httpHandler(platformRoutes.getHealth, async () => ({
  statusCode: 200,
  body: { status: 'ok', version: config.appVersion, region: config.region },
}));
