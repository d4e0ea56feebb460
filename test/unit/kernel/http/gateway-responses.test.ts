import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../../shared/catalog/error-codes.ts';
import { GATEWAY_RESPONSES, gatewayResponseHeaders, gatewayResponseTemplate } from '../../../../shared/kernel/http/gateway-responses.ts';

describe('gateway responses', () => {
  it('are each, once API Gateway substitutes its variables, a body in the documented error format', () => {
    for (const definition of GATEWAY_RESPONSES) {
      const body = JSON.parse(gatewayResponseTemplate(definition).replace('$context.requestId', 'req-1').replace('$context.requestTime', '02/Dec/2026:07:45:12 +0000')) as unknown;

      expect(body, definition.type).toEqual({
        error: { code: definition.code, message: expect.any(String) as string, details: [], requestId: 'req-1', timestamp: '02/Dec/2026:07:45:12 +0000' },
      });
    }
  });

  it('carry the message in English and Arabic together, since a gateway template cannot read Accept-Language', () => {
    for (const definition of GATEWAY_RESPONSES) {
      const { en, ar } = ERROR_CODES[definition.code]!.message;

      expect(gatewayResponseTemplate(definition)).toContain(`${en} / ${ar}`);
    }
  });

  it('carry no header value holding a single quote, which a gateway static value cannot express', () => {
    for (const definition of GATEWAY_RESPONSES) {
      expect(Object.values(gatewayResponseHeaders(definition)).filter((value) => value.includes("'")), definition.type).toEqual([]);
    }
  });
});
