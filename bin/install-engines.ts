/**
 * Installs into .local-cloud/ what the npm script needs and is missing or outdated (run by bin/bootstrap.mjs): the
 * local AWS engines always, and with `--with-test-tools` the Python tools only tests use. Each tool installs in its
 * own process, so that the Maven and PyPI downloads of a fresh machine overlap instead of queueing.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LOCAL_TOOL_INSTALLERS, MissingPrerequisiteError, type LocalTool } from '../lib/local/local-cloud.ts';

const EXIT_MISSING_PREREQUISITE = 3;
const ENGINES: readonly LocalTool[] = ['dynamodb-local', 'moto'];
const TEST_TOOLS: readonly LocalTool[] = ['schemathesis', 'pvlib'];

function installOne(tool: LocalTool): never {
  try {
    LOCAL_TOOL_INSTALLERS[tool]((line) => process.stderr.write(`${line}\n`));
    process.exit(0);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof MissingPrerequisiteError ? EXIT_MISSING_PREREQUISITE : 1);
  }
}

/** Runs this script again for one tool, with the same loader, and resolves to its exit code. */
function installInChild(tool: LocalTool): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--tool', tool], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', () => resolve(1));
    child.once('close', (code) => resolve(code ?? 1));
  });
}

const toolIndex = process.argv.indexOf('--tool');
if (toolIndex >= 0) {
  const tool = process.argv[toolIndex + 1] as LocalTool;
  if (!(tool in LOCAL_TOOL_INSTALLERS)) {
    process.stderr.write(`Unknown tool ${tool}; known: ${Object.keys(LOCAL_TOOL_INSTALLERS).join(', ')}\n`);
    process.exit(2);
  }
  installOne(tool);
} else {
  const tools = process.argv.includes('--with-test-tools') ? [...ENGINES, ...TEST_TOOLS] : ENGINES;
  const codes = await Promise.all(tools.map(installInChild));
  const failed = codes.filter((code) => code !== 0);
  process.exit(failed.length === 0 ? 0 : failed.includes(EXIT_MISSING_PREREQUISITE) ? EXIT_MISSING_PREREQUISITE : 1);
}
