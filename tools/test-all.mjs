// `npm test`: lint, typecheck, build, unit and integration tests (vitest), browser tests (Playwright);
// ends with one line `N passed, N failed` summed over all suites. Lint and typecheck count one test per project.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0' };
const totals = { passed: 0, failed: 0 };
const summary = [];

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { cwd: root, env, stdio: 'inherit' }).status ?? 1;
}

function count(suite, passed, failed) {
  totals.passed += passed;
  totals.failed += failed;
  summary.push(`${suite}: ${passed} passed, ${failed} failed`);
}

function projects() {
  const result = spawnSync('npx', ['nx', 'show', 'projects', '--json'], { cwd: root, env, encoding: 'utf8' });
  return JSON.parse(result.stdout);
}

// Lint and typecheck run per project so that a failure names the project and the rest still count.
for (const target of ['lint', 'typecheck']) {
  for (const project of projects()) {
    const status = run('npx', ['nx', 'run', `${project}:${target}`, '--outputStyle=static', '--skip-nx-cache']);
    count(`${target} ${project}`, status === 0 ? 1 : 0, status === 0 ? 0 : 1);
  }
}

if (run(process.execPath, ['tools/build.mjs']) !== 0) count('build', 0, 1);

mkdirSync(`${root}test-results`, { recursive: true });
const vitestReport = `${root}test-results/vitest.json`;
rmSync(vitestReport, { force: true });
const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  const failedSuites = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  count('vitest', report.numPassedTests, report.numFailedTests + failedSuites);
} else {
  count('vitest', 0, 1);
}
if (vitestStatus !== 0 && totals.failed === 0) count('vitest exit', 0, 1);

const playwrightReport = `${root}test-results/playwright.json`;
if (existsSync(`${root}apps/dashboard/playwright.config.ts`)) {
  rmSync(playwrightReport, { force: true });
  const status = run('npx', ['playwright', 'test', '-c', 'apps/dashboard/playwright.config.ts']);
  if (existsSync(playwrightReport)) {
    const stats = JSON.parse(readFileSync(playwrightReport, 'utf8')).stats;
    count('playwright', stats.expected + stats.flaky, stats.unexpected);
  } else {
    count('playwright', 0, 1);
  }
  if (status !== 0 && !existsSync(playwrightReport)) count('playwright exit', 0, 1);
}

console.log(`\n${summary.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
