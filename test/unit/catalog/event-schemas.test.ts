import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../../shared/catalog/events.ts';
import { renderAllEventSchemas } from '../../../shared/catalog/event-schemas.ts';
import { isPersonalFieldName } from '../../../shared/kernel/observability/redaction.ts';

const eventsDirectory = path.resolve(import.meta.dirname, '..', '..', '..', 'docs', 'events');

describe('published event schemas', () => {
  it('in docs/events match the zod definitions exactly (run `npm run docs:events` after changing an event)', () => {
    const published = new Map(readdirSync(eventsDirectory).filter((file) => file.endsWith('.json')).map((file) => [file, readFileSync(path.join(eventsDirectory, file), 'utf8')]));
    expect(published).toEqual(renderAllEventSchemas());
  });

  it('carry no field named like personal data', () => {
    for (const eventType of Object.values(EVENT_TYPES)) {
      const fieldNames = Object.keys((eventType.data as unknown as { shape: Record<string, unknown> }).shape);
      expect(fieldNames.filter(isPersonalFieldName), eventType.detailType).toEqual([]);
    }
  });
});
