import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const lib = (name: string) => fileURLToPath(new URL(`./libs/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: Object.fromEntries(
      ['wire', 'sse', 'translate', 'providers', 'routing', 'contracts', 'emulator'].map((name) => [`@gatehouse/${name}`, lib(name)]),
    ),
  },
  test: {
    include: ['libs/**/*.test.ts', 'apps/gateway/**/*.test.ts', 'tools/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'apps/dashboard/e2e/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
