import { loadPlatformConfig } from '../../shared/kernel/config/platform-config.ts';
import { httpHandler } from '../../shared/kernel/http/http-handler.ts';
import { routes } from '../../shared/catalog/routes.ts';

const config = loadPlatformConfig();

export const handler = httpHandler(routes.getHealth, async () => ({
  statusCode: 200,
  body: { status: 'ok', version: config.appVersion, region: config.region },
}));
