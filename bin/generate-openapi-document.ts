/** Regenerates the published OpenAPI document from the route table: `npm run docs:openapi`. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPENAPI_DOCUMENT_FILE, renderOpenApiDocument } from '../shared/catalog/openapi-document.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(path.join(projectRoot, OPENAPI_DOCUMENT_FILE), renderOpenApiDocument());
process.stderr.write(`Wrote the OpenAPI document to ${OPENAPI_DOCUMENT_FILE}\n`);
