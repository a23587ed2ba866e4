import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

let emulator: Emulator;
let gateway: RunningGateway;

beforeAll(async () => {
  emulator = await startEmulator();
  const config = emulatorConfig(emulator.url);
  const models = config.models as unknown[];
  config.models = [...models, { name: 'claude-sonnet-4-5', targets: [{ provider: 'emulated-openai', model: 'Qwen/Qwen3-8B' }] }];
  gateway = await startGateway(config);
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

beforeEach(() => emulator.reset());

function runClaude(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const home = mkdtempSync(join(tmpdir(), 'gatehouse-claude-home-'));
  return new Promise((resolve) => {
    execFile(
      join(process.cwd(), 'node_modules/.bin/claude'),
      args,
      {
        cwd: home,
        timeout: 60_000,
        env: {
          PATH: process.env.PATH,
          HOME: home,
          ANTHROPIC_BASE_URL: gateway.url,
          ANTHROPIC_API_KEY: 'any',
          DISABLE_AUTOUPDATER: '1',
          CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

describe('the Claude Code CLI', () => {
  it('answers through the gateway from an OpenAI-compatible target', async () => {
    const result = await runClaude(['-p', 'Say hello to the gateway', '--model', 'claude-sonnet-4-5', '--output-format', 'json']);
    console.log(result.stdout.slice(0, 300), result.stderr);
    console.log(JSON.stringify(emulator.requests.map((r) => { const b = r.body as Record<string, unknown>; return { path: r.path, query: r.query, status: r.status, keys: Object.keys(b), model: b.model, stream: b.stream, effort: b.reasoning_effort, user: b.user, hdr: r.headers, max: b.max_tokens, tools: (b.tools as unknown[] | undefined)?.length, msgs: (b.messages as unknown[]).length, last: JSON.stringify((b.messages as unknown[]).at(-1)).slice(-300) }; }), null, 1));
  }, 90_000);
});
