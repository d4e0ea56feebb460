#!/usr/bin/env node
// Runs before dependencies exist, so it uses Node's standard library only.
// Usage: node bin/bootstrap.mjs <npm script>
// Makes a fresh clone runnable with one command: installs npm dependencies when package-lock.json changed,
// installs the local AWS engines (DynamoDB Local, moto), and for tests their Python tools, into .local-cloud/, then
// runs the npm script.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = path.join(projectRoot, 'package-lock.json');
const installMarker = path.join(projectRoot, 'node_modules', '.rabhan-lock-digest');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function runOrExit(command, args) {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
  if (result.error) {
    process.stderr.write(`Could not run ${command}: ${result.error.message}\n`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const script = process.argv[2];
if (!script) {
  process.stderr.write('Usage: node bin/bootstrap.mjs <npm script>\n');
  process.exit(2);
}

const lockDigest = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
const installedDigest = existsSync(installMarker) ? readFileSync(installMarker, 'utf8').trim() : undefined;
if (installedDigest !== lockDigest) {
  process.stderr.write('Installing npm dependencies (npm ci)…\n');
  runOrExit(npm, ['ci', '--no-audit', '--no-fund']);
  writeFileSync(installMarker, lockDigest);
}

// Tests also need the Python tools only they use (schemathesis, pvlib): fetched here beside the engines, not later
// inside the tests that need them.
runOrExit(npm, ['exec', '--', 'tsx', 'bin/install-engines.ts', ...(script === 'test:all' ? ['--with-test-tools'] : [])]);
runOrExit(npm, ['run', '--silent', script]);
