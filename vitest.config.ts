import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', 'tests/harness/**', '**/node_modules/**'],
          environment: 'node',
          // No test is timed: these limits only stop a hung test (slow or loaded machines are fine).
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The UI headless: the app in happy-dom with a fake map and the workers in-process (tests/harness/app.ts).
        test: {
          name: 'harness',
          include: ['tests/harness/**/*.test.ts'],
          environment: 'happy-dom',
          environmentOptions: { happyDOM: { url: 'http://127.0.0.1/map/' } },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Files run side by side (each has its own Chromium and server); the machine has 2 cores.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
