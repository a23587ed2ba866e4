import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, type RequestRecord, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

// Claude Code is the Anthropic client that matters most: here the real CLI (the pinned devDependency
// @anthropic-ai/claude-code, a native binary) talks to the gateway, which sends everything to an
// OpenAI-compatible target. Its requests carry ?beta=true, anthropic-beta, adaptive thinking, effort,
// cache_control and a dozen tools; they must all get through.

const CLAUDE_BIN = join(process.cwd(), 'node_modules/.bin/claude');
const GATEWAY_MODEL = 'claude-sonnet-4-5';
const UPSTREAM_MODEL = 'Qwen/Qwen3-8B';

type OpenAIBody = {
  model: string;
  user?: string;
  stream?: boolean;
  reasoning_effort?: string;
  tools?: Array<{ function: { name: string } }>;
  messages: Array<{ role: string; content: unknown; tool_call_id?: string; tool_calls?: Array<{ id: string; function: { name: string } }> }>;
  [field: string]: unknown;
};

let emulator: Emulator;
let gateway: RunningGateway;

beforeAll(async () => {
  emulator = await startEmulator();
  const config = emulatorConfig(emulator.url);
  config.models = [...(config.models as unknown[]), { name: GATEWAY_MODEL, targets: [{ provider: 'emulated-openai', model: UPSTREAM_MODEL }] }];
  gateway = await startGateway(config);
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

beforeEach(() => emulator.reset());

interface ClaudeRun {
  code: number | null;
  stdout: string;
  stderr: string;
  workdir: string;
}

/** Runs `claude` with a throwaway HOME as its working directory, offline but for the gateway. */
function runClaude(args: string[], workdir = mkdtempSync(join(tmpdir(), 'gatehouse-claude-home-'))): Promise<ClaudeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(CLAUDE_BIN, args, {
      cwd: workdir,
      // Without stdin the CLI does not wait for piped input.
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
      env: {
        PATH: process.env.PATH,
        HOME: workdir,
        ANTHROPIC_BASE_URL: gateway.url,
        ANTHROPIC_API_KEY: 'any',
        DISABLE_AUTOUPDATER: '1',
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, workdir }));
  });
}

function parseResult(run: ClaudeRun): { result: string; is_error: boolean; num_turns: number } {
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { result: string; is_error: boolean; num_turns: number };
}

function expectAllRoutedToOpenAITarget(records: RequestRecord[]): void {
  expect(records.length).toBeGreaterThan(0);
  for (const record of records) {
    expect(record.path).toBe('/v1/chat/completions');
    expect(record.query).toEqual({});
    expect(record.status).toBe(200);
    const body = record.body as OpenAIBody;
    expect(body.model).toBe(UPSTREAM_MODEL);
    // OpenAI refuses a `user` over 64 characters; Claude Code's metadata.user_id is a ~150-character JSON blob.
    if (body.user !== undefined) expect(body.user.length).toBeLessThanOrEqual(64);
  }
}

/** A dozen tools as Claude Code declares them, the last with a cache breakpoint. */
const claudeCodeTools = ['Task', 'Bash', 'Glob', 'Grep', 'Read', 'Edit', 'Write', 'NotebookEdit', 'WebFetch', 'TodoWrite', 'WebSearch', 'BashOutput'].map(
  (name, index, names) => ({
    name,
    description: `The ${name} tool`,
    input_schema: {
      type: 'object',
      $schema: 'http://json-schema.org/draft-07/schema#',
      additionalProperties: false,
      properties: { argument: { type: 'string', description: `What ${name} works on` } },
      required: ['argument'],
    },
    ...(index === names.length - 1 ? { cache_control: { type: 'ephemeral' } } : {}),
  }),
);

describe('a request shaped like Claude Code\'s, sent as it sends it', () => {
  it('succeeds, with effort as reasoning_effort and a warning for what has no counterpart', async () => {
    emulator.enqueue({ text: 'Ready when you are.' });
    const response = await fetch(`${gateway.url}/v1/messages?beta=true`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': 'any',
        'anthropic-version': '2023-06-01',
        'anthropic-beta': 'claude-code-20250219,interleaved-thinking-2025-05-14,context-management-2025-06-27,fine-grained-tool-streaming-2025-05-14',
        'anthropic-dangerous-direct-browser-access': 'true',
        'x-app': 'cli',
      },
      body: JSON.stringify({
        model: GATEWAY_MODEL,
        max_tokens: 32000,
        stream: true,
        system: [
          { type: 'text', text: "You are Claude Code, Anthropic's official CLI for Claude.", cache_control: { type: 'ephemeral' } },
          { type: 'text', text: 'You are an interactive CLI tool that helps users with software engineering tasks.', cache_control: { type: 'ephemeral', ttl: '1h' } },
        ],
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: '<system-reminder>This is a reminder.</system-reminder>' },
              { type: 'text', text: 'Fix the failing test', cache_control: { type: 'ephemeral' } },
            ],
          },
        ],
        tools: claudeCodeTools,
        thinking: { type: 'adaptive' },
        output_config: { effort: 'high' },
        context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] },
        metadata: { user_id: JSON.stringify({ device_id: 'd'.repeat(64), account_uuid: '', session_id: '0b7c8f5e-5d5c-4f7a-9a51-3f0d2f1f6a10' }) },
        temperature: 1,
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = (await response.text())
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as { type: string; delta?: { type: string; text?: string; stop_reason?: string } });
    expect(events[0]!.type).toBe('message_start');
    expect(events.at(-1)!.type).toBe('message_stop');
    expect(events.map((event) => (event.delta?.type === 'text_delta' ? event.delta.text : '')).join('')).toBe('Ready when you are.');
    expect(events.find((event) => event.type === 'message_delta')?.delta?.stop_reason).toBe('end_turn');

    const warnings = response.headers.get('x-gatehouse-warnings') ?? '';
    expect(warnings).toContain('context_management');
    expect(warnings).toContain('cache_control');

    const [record] = emulator.requests;
    expectAllRoutedToOpenAITarget(emulator.requests);
    expect(record!.headers).not.toHaveProperty('anthropic-beta');
    const sent = record!.body as OpenAIBody;
    expect(sent.reasoning_effort).toBe('high');
    expect(sent.tools?.map((tool) => tool.function.name)).toEqual(claudeCodeTools.map((tool) => tool.name));
    for (const field of ['thinking', 'output_config', 'context_management', 'metadata']) expect(sent).not.toHaveProperty(field);
    expect(JSON.stringify(sent)).not.toContain('cache_control');
    expect(sent.messages[0]).toEqual({
      role: 'system',
      content: "You are Claude Code, Anthropic's official CLI for Claude.\n\nYou are an interactive CLI tool that helps users with software engineering tasks.",
    });
  });
});

describe('the Claude Code CLI against an OpenAI-compatible target', () => {
  it('answers with the reply of the upstream', async () => {
    const run = await runClaude(['-p', 'Say hello [[emulate {"text":"Hello from the emulated Qwen"}]]', '--model', GATEWAY_MODEL, '--output-format', 'json']);
    const output = parseResult(run);
    expect(output).toMatchObject({ result: 'Hello from the emulated Qwen', is_error: false });
    expectAllRoutedToOpenAITarget(emulator.requests);
    const main = emulator.requests.find((record) => ((record.body as OpenAIBody).tools?.length ?? 0) > 0);
    expect(main, 'the main agent request, with its tools').toBeDefined();
    expect((main!.body as OpenAIBody).stream).toBe(true);
  }, 90_000);

  it('runs a tool the upstream asks for and sends the result back under the same call id', async () => {
    const workdir = mkdtempSync(join(tmpdir(), 'gatehouse-claude-home-'));
    const notePath = join(workdir, 'note.txt');
    writeFileSync(notePath, 'The secret word is pelican.\n');
    emulator.enqueue({ tool_calls: [{ name: 'Read', arguments: { file_path: notePath } }] }, { text: 'The note says pelican.' });

    const run = await runClaude(['-p', 'What does note.txt say?', '--model', GATEWAY_MODEL, '--output-format', 'json', '--allowedTools', 'Read'], workdir);
    const output = parseResult(run);
    expect(output).toMatchObject({ result: 'The note says pelican.', is_error: false, num_turns: 2 });
    expectAllRoutedToOpenAITarget(emulator.requests);
    expect(emulator.requests).toHaveLength(2);

    const followUp = emulator.requests[1]!.body as OpenAIBody;
    const assistant = followUp.messages.find((message) => message.role === 'assistant');
    const [call] = assistant?.tool_calls ?? [];
    expect(call?.function.name).toBe('Read');
    const toolMessage = followUp.messages.find((message) => message.role === 'tool');
    expect(toolMessage?.tool_call_id).toBe(call!.id);
    expect(JSON.stringify(toolMessage?.content)).toContain('The secret word is pelican.');
  }, 90_000);
});
