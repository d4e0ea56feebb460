import * as z from 'zod';

export const healthResponseSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string().describe('Deployed application version.'),
    region: z.string().describe('AWS region serving the request.'),
  })
  .meta({ id: 'HealthResponse' });

/** Only what every OpenAPI document holds; the rest (info.description, components, servers) is left open. */
export const openApiDocumentSchema = z
  .object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }).loose(), paths: z.record(z.string(), z.unknown()) })
  .loose()
  .meta({ id: 'OpenApiDocument' });
