import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayEnvironment, TARGET_CORE } from './bench-environment';
import { type StartupSummary } from './bench-results';
import { GATEWAY_NODE_FLAGS } from './gateway-node-flags';
import { PinnedProcess } from './pinned-process';
import { memory } from './process-stats';

/**
 * Start-up to ready with the embedded default (no config file): from spawning node to the listening line, each run in
 * a fresh empty working folder, as a first `npm start` of a clone (the SQLite file is created and migrated). Providers
 * come from the environment as a user would set them, pointed at the emulator so that nothing leaves the machine.
 */
export async function measureStartup(gatewayMain: string, emulatorUrl: string, workDir: string, runs: number): Promise<StartupSummary> {
  const summary: StartupSummary = { readyMs: [], rssAtReadyMb: [] };
  for (let run = 0; run < runs; run++) {
    const cwd = mkdtempSync(join(workDir, 'startup-'));
    const gateway = await PinnedProcess.start({
      name: 'gateway (embedded default)',
      args: [...GATEWAY_NODE_FLAGS, gatewayMain],
      core: TARGET_CORE,
      cwd,
      env: gatewayEnvironment({
        HOST: '127.0.0.1',
        PORT: '0',
        ANTHROPIC_API_KEY: 'bench-upstream-anthropic',
        ANTHROPIC_BASE_URL: emulatorUrl,
        OPENAI_API_KEY: 'bench-upstream-openai',
        OPENAI_BASE_URL: `${emulatorUrl}/v1`,
      }),
      readyLine: /^gatehouse listening on (\S+)$/,
    });
    summary.readyMs.push(gateway.readyAfterMs);
    summary.rssAtReadyMb.push(memory(gateway.pid).rssMb);
    await gateway.stop();
    rmSync(cwd, { recursive: true, force: true });
  }
  return summary;
}
