// `node tools/bench-analytics.mjs [--database postgres://…] [--rows 100000] [--keep]`: bundles the benchmark
// (the gateway's own persistence and analytics code) with esbuild, then runs it.
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
await build({
  absWorkingDir: root,
  entryPoints: ['apps/gateway/src/usage/bench/analytics-bench.ts'],
  outfile: 'dist/bench-analytics/run.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
await import(new URL('dist/bench-analytics/run.js', `file://${root}`).href);
