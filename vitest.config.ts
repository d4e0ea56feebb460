import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/support/longest-first-sequencer.ts';

/** The e2e file whose scheduled jobs run on windows of seconds. */
const TIMED_E2E_FILE = 'test/e2e/project-deadlines.test.ts';

const E2E_SETTINGS: { environment: 'node'; globalSetup: string[]; testTimeout: number; hookTimeout: number; env: Record<string, string> } = {
  environment: 'node',
  globalSetup: ['test/support/engines.global-setup.ts'],
  testTimeout: 90_000,
  hookTimeout: 240_000,
  // Journeys are long; handler logs at INFO would drown the report. Integration tests keep INFO to scan logs.
  env: { POWERTOOLS_LOG_LEVEL: 'WARN' },
};

/**
 * Projects mirror the test tree. Unit and infra tests never touch the network; integration and e2e tests
 * share one set of local engines started by the global setup.
 */
export default defineConfig({
  test: {
    // Vitest leaves one core to itself by default, which on a 2-core runner runs every file one after another. The
    // unit, infra and integration files are independent, so they run a file per core, and then the e2e files. Measured
    // on 2 cores: 306 s down to 220 s for the first three.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', env: { POWERTOOLS_LOG_LEVEL: 'WARN' } } },
      // Synthesis plus three cdk-nag packs takes seconds alone but far longer on a busy 2-core runner, and it runs in
      // beforeAll, so the hook gets the same allowance as the tests.
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/engines.global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: [TIMED_E2E_FILE],
          ...E2E_SETTINGS,
          // After the files above, two at a time: each starts its own runtime and data, and most of a journey is
          // waiting for the outbox, queues and simulators, so a second core would otherwise sit idle.
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e-timed',
          include: [TIMED_E2E_FILE],
          ...E2E_SETTINGS,
          // Its policy windows are cut to seconds (a down payment unpaid for 4 s cancels the project), so it runs
          // last and alone, with no other file competing for the cores while its windows run.
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
