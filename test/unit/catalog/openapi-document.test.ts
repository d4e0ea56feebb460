import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_DOCUMENT_FILE, renderOpenApiDocument } from '../../../shared/catalog/openapi-document.ts';

describe('the generated OpenAPI document the API serves', () => {
  it('matches the route table and error codes exactly (run `npm run docs:openapi` after changing a route or contract)', () => {
    const generated = readFileSync(new URL(`../../../${OPENAPI_DOCUMENT_FILE}`, import.meta.url), 'utf8');
    expect(generated).toBe(renderOpenApiDocument());
  });
});
