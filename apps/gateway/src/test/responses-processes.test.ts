import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { reachTestRedis } from '../limits/redis-for-tests';
import { withResponsesStore } from './each-responses-store';
import { buildIfStale, type GatewayProcess, spawnGateway } from './gateway-process';
import { responsesGatewayConfig } from './responses-gateway-config';

// Two built gateway processes, each with its own database, sharing one Redis: a response made through one is read,
// continued and deleted through the other, as behind a load balancer.

const redis = await reachTestRedis();

describe.skipIf(redis.skipReason)(`the Responses store shared by two gateway processes${redis.skipReason ? ` — skipped: ${redis.skipReason}` : ''}`, () => {
  const directory = mkdtempSync(join(tmpdir(), 'gatehouse-responses-'));
  let emulator: Emulator;
  const processes: GatewayProcess[] = [];
  let first: OpenAI;
  let second: OpenAI;

  beforeAll(async () => {
    buildIfStale();
    emulator = await startEmulator();
    for (const name of ['first', 'second']) {
      const config = withResponsesStore(responsesGatewayConfig(emulator.url), 'redis');
      config.storage = { ...(config.storage as object), database: `sqlite:${join(directory, `${name}.db`)}` };
      const path = join(directory, `${name}.yaml`);
      writeFileSync(path, stringify(config));
      processes.push(await spawnGateway(['--config', path]));
    }
    [first, second] = processes.map((process) => new OpenAI({ baseURL: `${process.url}/v1`, apiKey: 'gk-client-key', maxRetries: 0 }));
  }, 120_000);

  afterAll(async () => {
    for (const process of processes) process.child.kill('SIGTERM');
    await Promise.all(processes.map((process) => process.exited));
    await emulator?.close();
    await redis.closeAll();
  });

  beforeEach(() => emulator.reset());

  it('reads through one process what the other made, streamed or not, with its input items', async () => {
    const made = await first!.responses.create({ model: 'claude-sonnet', instructions: 'Be brief.', input: 'Made by the first.' });
    expect(await second!.responses.retrieve(made.id)).toEqual(made);
    expect((await second!.responses.inputItems.list(made.id)).data).toMatchObject([
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Made by the first.' }] },
    ]);

    const streamed = await second!.responses.stream({ model: 'qwen', input: 'Made by the second.' }).finalResponse();
    const read = await first!.responses.retrieve(streamed.id);
    expect(read).toMatchObject({ id: streamed.id, status: 'completed', output_text: 'echo: Made by the second.', usage: streamed.usage });
  });

  it('continues a conversation from process to process, each turn right after the last', async () => {
    const one = await first!.responses.create({ model: 'claude-sonnet', input: 'Turn one.' });
    const two = await second!.responses.create({ model: 'qwen', previous_response_id: one.id, input: 'Turn two.' });
    const three = await first!.responses.stream({ model: 'gpt-native', previous_response_id: two.id, input: 'Turn three.' }).finalResponse();
    const four = await second!.responses.create({ model: 'claude-sonnet', previous_response_id: three.id, input: 'Turn four.' });
    expect(four.output_text).toBe('echo: Turn four.');
    const last = emulator.requests.at(-1)!.body as { messages: { content: { text: string }[] }[] };
    expect(last.messages.map((message) => message.content[0]!.text)).toEqual([
      'Turn one.',
      'echo: Turn one.',
      'Turn two.',
      'echo: Turn two.',
      'Turn three.',
      'echo: Turn three.',
      'Turn four.',
    ]);
  });

  // Regression: the response was stored only after its answer had gone out (and a stream's end), so a turn sent at
  // once to another process raced the store and got 400 "Previous response ... not found".
  it('stores a response before its answer ends: an immediate next turn through the other process finds it', async () => {
    const chain = async (round: number) => {
      let previous: string | undefined;
      for (let turn = 0; turn < 6; turn++) {
        const client = turn % 2 === 0 ? first! : second!;
        const model = ['qwen', 'claude-sonnet', 'gpt-native'][(round + turn) % 3]!;
        const body = { model, input: `Round ${round}, turn ${turn}.`, previous_response_id: previous };
        const response = (round + turn) % 2 === 0 ? await client.responses.stream(body).finalResponse() : await client.responses.create(body);
        previous = response.id;
      }
      return previous!;
    };
    // Chains side by side, so that the processes are busy as they would be in use.
    const last = await Promise.all(Array.from({ length: 10 }, (_, round) => chain(round)));
    for (const [round, id] of last.entries()) expect((await first!.responses.retrieve(id)).output_text).toBe(`echo: Round ${round}, turn 5.`);
  });

  it('deletes through one process for both', async () => {
    const made = await first!.responses.create({ model: 'qwen', input: 'Delete me elsewhere.' });
    await second!.responses.delete(made.id);
    const error = await first!.responses.retrieve(made.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
  });
});
