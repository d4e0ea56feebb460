/** The lint step refuses an adapter that reads the wall clock: time reaches adapters from a use-case's injected Clock. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message);
}

describe('the wall-clock rule for adapters', () => {
  it('fails an adapter that calls new Date() or Date.now()', async () => {
    const code = 'export const stamp = (): string => new Date().toISOString();\nexport const epoch = (): number => Date.now();\n';

    const messages = await ruleMessages(code, 'shared/lending/adapters/clock-probe.ts');

    expect(messages).toHaveLength(2);
    expect(messages.every((message) => message.startsWith('Adapters must not read the wall clock'))).toBe(true);
  });

  it('lets an adapter turn a given time into a Date, and lets a use-case read its clock', async () => {
    expect(await ruleMessages('export const parse = (at: string): Date => new Date(at);\n', 'shared/lending/adapters/clock-probe.ts')).toEqual([]);
    expect(await ruleMessages('export const stamp = (): number => Date.now();\n', 'shared/lending/app/clock-probe.ts')).toEqual([]);
  });
});
