/**
 * What our modules do when they load, every function pays at cold start whether the request needs it or not. An
 * Intl formatter with a time zone or a calendar loads ICU's data: about 5.5 MB of RSS per function, measured by
 * `npm run bench` when two such formatters were built at module level (docs/decisions/0034).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../lib/local/handler-modules.ts';

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('module loading', () => {
  it('builds no Intl formatter at module level in any function code', () => {
    const offenders = ['shared', 'functions'].flatMap((root) =>
      sourceFiles(path.join(PROJECT_ROOT, root)).flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => ({ line, number: index + 1 }))
          // Top-level declarations start at column 0; a formatter made inside a function is built on demand.
          .filter(({ line }) => /^(export )?(const|let|var) [\w$]+(: [^=]+)? = new Intl\./.test(line))
          .map(({ number }) => `${path.relative(PROJECT_ROOT, file)}:${number}`),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
