/** Regenerates docs/events/ from the zod event definitions: `npm run docs:events`. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderAllEventSchemas } from '../shared/catalog/event-schemas.ts';

const eventsDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'events');
mkdirSync(eventsDirectory, { recursive: true });
for (const stale of readdirSync(eventsDirectory).filter((file) => file.endsWith('.json'))) rmSync(path.join(eventsDirectory, stale));
for (const [fileName, content] of renderAllEventSchemas()) writeFileSync(path.join(eventsDirectory, fileName), content);
process.stderr.write(`Wrote ${renderAllEventSchemas().size} event schemas to docs/events/\n`);
