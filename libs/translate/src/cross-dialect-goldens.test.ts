import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SseDecoder, encodeSseEvent } from '@gatehouse/sse';
import { type TranslationContext } from './canonical/translation-context';
import { type Dialect } from './dialect';
import { dialectCodecs } from './dialect-codec';

/**
 * Every upstream stream fixture, translated into every other client dialect: the output a client would read, with
 * its usage record as a closing SSE comment, ids and time pinned. `UPDATE_GOLDENS=1` rewrites them (review the diff).
 */
const fixtures = join(import.meta.dirname, '../fixtures');
const updating = process.env.UPDATE_GOLDENS === '1';
const upstreamDialects: Dialect[] = ['openai-chat', 'anthropic-messages', 'openai-responses'];
const clientDialects: Dialect[] = ['openai-chat', 'anthropic-messages', 'openai-responses'];

function pinnedContext(): TranslationContext {
  let next = 0;
  return { now: () => 1_760_000_000_000, newId: (prefix) => `${prefix}_pinned${++next}`, requestModel: 'client-model' };
}

function translate(upstream: Dialect, client: Dialect, stream: string): string {
  const ctx = pinnedContext();
  const sse = new SseDecoder();
  const decoder = dialectCodecs[upstream]!.streamDecoder(ctx);
  const encoder = dialectCodecs[client]!.streamEncoder(ctx, { includeUsage: true });
  const canonical = [...sse.push(stream), ...sse.end()].flatMap((event) => decoder.push(event));
  const frames = [...canonical, ...decoder.end()].flatMap((event) => encoder.push(event));
  const output = [...frames, ...encoder.end()].map(encodeSseEvent).join('');
  return `${output}: usage ${JSON.stringify(encoder.usage)}\n`;
}

for (const upstream of upstreamDialects) {
  const folder = join(fixtures, upstream);
  const cases = readdirSync(folder).filter((name) => /^[^.]+(\.handmade)?\.sse$/.test(name));
  for (const client of clientDialects.filter((dialect) => dialect !== upstream)) {
    describe(`${upstream} upstream streams → ${client} clients`, () => {
      it.each(cases)('%s', (name) => {
        const output = translate(upstream, client, readFileSync(join(folder, name), 'utf8'));
        const golden = join(folder, name.replace(/\.sse$/, `.to-${client}.sse`));
        if (updating) writeFileSync(golden, output);
        if (!existsSync(golden)) throw new Error(`missing golden ${golden}; run with UPDATE_GOLDENS=1 and review it`);
        expect(output).toBe(readFileSync(golden, 'utf8'));
      });
    });
  }
}
