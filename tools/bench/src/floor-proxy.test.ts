import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FloorProxy, startFloorProxy } from './floor-proxy';

// The floor proxy is the reference every gateway figure is compared with, so it must be a true proxy: the bytes a
// client sends reach the upstream unchanged, the upstream's bytes reach the client unchanged, and a stream is passed
// on as it comes, not buffered.

let recording: Emulator;
let fast: Emulator;
let toRecording: FloorProxy;
let toFast: FloorProxy;

beforeAll(async () => {
  recording = await startEmulator();
  fast = await startEmulator({ fast: true, streamChunks: 5, streamChunkDelayMs: 40 });
  toRecording = await startFloorProxy({ upstream: recording.url });
  toFast = await startFloorProxy({ upstream: fast.url });
});

afterAll(async () => {
  await Promise.all([toRecording.close(), toFast.close()]);
  await Promise.all([recording.close(), fast.close()]);
});

async function post(base: string, path: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const answer = await request(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: answer.statusCode, headers: answer.headers, bytes: Buffer.from(await answer.body.arrayBuffer()) };
}

describe('the floor proxy', () => {
  it('forwards the request bytes, path, query and headers unchanged', async () => {
    // Odd spacing, key order, escapes and non-ASCII text: anything that parsing and re-serialising would change.
    const body = Buffer.from('{ "messages":[{"content":"h\\u00e9llo — ünïcode 🚀","role":"user"}] ,\n "model" : "gpt-4o-mini",  "max_tokens":7 }');
    recording.clear();
    const answer = await post(toRecording.url, '/v1/chat/completions?trace=1', body, { authorization: 'Bearer client-key', 'x-custom': 'kept' });
    expect(answer.status).toBe(200);
    const [record] = await recording.waitForRequests(1);
    expect(record!.rawBody.equals(body)).toBe(true);
    expect(record!.path).toBe('/v1/chat/completions');
    expect(record!.query).toEqual({ trace: '1' });
    expect(record!.headers.authorization).toBe('Bearer client-key');
    expect(record!.headers['x-custom']).toBe('kept');
  });

  it('returns the upstream JSON answer byte for byte, with its status and headers', async () => {
    const body = JSON.stringify({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] });
    const direct = await post(fast.url, '/v1/messages', body);
    const proxied = await post(toFast.url, '/v1/messages', body);
    expect(proxied.status).toBe(200);
    expect(proxied.bytes.equals(direct.bytes)).toBe(true);
    expect(proxied.headers['content-type']).toBe(direct.headers['content-type']);
    expect(proxied.headers['content-length']).toBe(direct.headers['content-length']);
  });

  it('relays an upstream error status and body unchanged', async () => {
    const direct = await post(recording.url, '/v1/chat/completions', '{"model": broken');
    const proxied = await post(toRecording.url, '/v1/chat/completions', '{"model": broken');
    expect(direct.status).toBe(400);
    expect(proxied.status).toBe(400);
    expect(proxied.bytes.equals(direct.bytes)).toBe(true);
  });

  it('passes a stream on as it comes: the same bytes, the first chunk long before the last', async () => {
    const body = JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: 'hi' }] });
    const direct = await post(fast.url, '/v1/chat/completions', body);
    const started = performance.now();
    const answer = await request(`${toFast.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const arrivals: number[] = [];
    const chunks: Buffer[] = [];
    for await (const chunk of answer.body) {
      arrivals.push(performance.now() - started);
      chunks.push(chunk as Buffer);
    }
    expect(Buffer.concat(chunks).equals(direct.bytes)).toBe(true);
    // Five deltas 40 ms apart: buffering would deliver everything at once, at the end.
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThan(100);
  });
});
