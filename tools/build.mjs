// Builds what `npm start`, `npm run demo`, `npm run emulator` and `npm run bench` run: bundles in dist/.
// With --if-missing, only the bundles whose sources changed since they were built.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const onlyIfStale = process.argv.includes('--if-missing');

function newestMtime(directories) {
  let newest = 0;
  const walk = (directory) => {
    if (!existsSync(directory)) return;
    if (!statSync(directory).isDirectory()) {
      newest = Math.max(newest, statSync(directory).mtimeMs);
      return;
    }
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'e2e') continue;
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  directories.forEach((directory) => walk(join(root, directory)));
  return newest;
}

function stale(output, sources) {
  if (!onlyIfStale) return true;
  const target = join(root, output);
  return !existsSync(target) || statSync(target).mtimeMs < newestMtime([...sources, 'package-lock.json']);
}

const nodeBundles = [
  { entry: 'apps/gateway/src/main.ts', out: 'dist/gateway/main.js', sources: ['apps/gateway/src', 'libs'] },
  // Started by the gateway as a worker thread from beside its bundle (OtlpExportThread).
  { entry: 'apps/gateway/src/observability/tracing/otlp-export-worker.mjs', out: 'dist/gateway/otlp-export-worker.mjs', sources: ['apps/gateway/src/observability/tracing'] },
  { entry: 'libs/emulator/src/cli.ts', out: 'dist/emulator/cli.js', sources: ['libs'] },
  { entry: 'tools/bench/src/run.ts', out: 'dist/bench/run.js', sources: ['tools/bench/src', 'libs'] },
];

for (const bundle of nodeBundles) {
  if (!existsSync(join(root, bundle.entry)) || !stale(bundle.out, bundle.sources)) continue;
  await build({
    absWorkingDir: root,
    entryPoints: [bundle.entry],
    outfile: bundle.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
  });
  console.log(`built ${bundle.out}`);
}

if (stale('dist/dashboard/index.html', ['apps/dashboard/src', 'apps/dashboard/index.html']) && existsSync(join(root, 'apps/dashboard/vite.config.ts'))) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/dashboard/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log('built dist/dashboard');
}
