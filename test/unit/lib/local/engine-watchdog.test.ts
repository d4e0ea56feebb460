import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineWatchdog } from '../../../../lib/local/local-cloud.ts';

const started: ChildProcess[] = [];

function startProcess(detached: boolean): ChildProcess {
  const child = spawn('sleep', ['60'], { detached, stdio: 'ignore' });
  started.push(child);
  return child;
}

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('the engine watchdog', () => {
  it('stops the engine once the process that started it is killed, even by SIGKILL', async () => {
    const runner = startProcess(false);
    const engine = startProcess(true);
    const engineExited = once(engine, 'exit');
    startEngineWatchdog(runner.pid!, engine.pid!);

    runner.kill('SIGKILL');

    const [, signal] = (await engineExited) as [number | null, NodeJS.Signals | null];
    expect(signal).toBe('SIGTERM');
  });

  it('leaves the engine running while the process that started it is alive', async () => {
    const runner = startProcess(false);
    const engine = startProcess(true);
    const watchdog = startEngineWatchdog(runner.pid!, engine.pid!);
    started.push(watchdog);

    await new Promise((resolve) => setTimeout(resolve, 2_500));

    expect(engine.exitCode).toBeNull();
    expect(engine.signalCode).toBeNull();
  });

  it('ends by itself once the engine is gone, so it never signals a process group recycled later', async () => {
    const runner = startProcess(false);
    const engine = startProcess(true);
    const watchdog = startEngineWatchdog(runner.pid!, engine.pid!);
    started.push(watchdog);
    const watchdogExited = once(watchdog, 'exit');

    engine.kill('SIGKILL');

    const [code] = (await watchdogExited) as [number | null];
    expect(code).toBe(0);
    expect(runner.exitCode).toBeNull();
  });
});
