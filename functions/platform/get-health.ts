import { loadPlatformConfig } from '../../shared/config/platform-config.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { routes } from '../../shared/platform/routes.ts';

const config = loadPlatformConfig();

export const handler = httpHandler(routes.getHealth, async () => ({
  statusCode: 200,
  body: { status: 'ok', version: config.appVersion, region: config.region },
}));
