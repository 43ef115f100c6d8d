import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'node',
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'fidelity/*.test.ts'],
      exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
      // World snapshots share structure: tests check each against a full copy (world/store.ts).
      setupFiles: ['src/test-support/verify-world-snapshots.ts'],
      testTimeout: 15_000,
      hookTimeout: 15_000,
      teardownTimeout: 10_000,
      // Fail instead of passing silently if the include globs stop matching.
      passWithNoTests: false,
      // The machine has 2 cores shared with other jobs.
      maxWorkers: 2,
    },
  }),
);
