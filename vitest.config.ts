import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Unit and property tests run in Node; a component test opts into a DOM with
// `// @vitest-environment happy-dom`. Browser journeys live in e2e/ (Playwright).
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'node',
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
      exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
      // The reference model walks tables one entry at a time and runs beside the engine
      // in every rule test: correctness checks, not timing tests, so allow them time.
      testTimeout: 60_000,
      // One seed for every property test: the same verdict on every run (see the file).
      setupFiles: ['src/propertySeed.ts'],
    },
  }),
);
