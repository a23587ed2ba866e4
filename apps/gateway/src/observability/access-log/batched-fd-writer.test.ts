import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BatchedFdWriter } from './batched-fd-writer';

const folder = mkdtempSync(join(tmpdir(), 'gatehouse-fd-writer-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const line = (index: number) => `{"n":${index},"pad":"${'x'.repeat(index % 50)}"}\n`;

describe('the batched fd writer', () => {
  it('writes every line in order, a batch at a time, and the rest on end', async () => {
    const file = join(folder, 'lines.log');
    const fd = openSync(file, 'w');
    const writer = new BatchedFdWriter(fd, { flushBytes: 1000, flushEveryMs: 60_000, maxWaitingBytes: 1_000_000 });
    for (let index = 0; index < 2000; index++) writer.write(line(index));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const beforeEnd = readFileSync(file, 'utf8');
    // Full batches went out without waiting for the minute-long timer; the tail waits for end().
    expect(beforeEnd.length).toBeGreaterThan(0);
    await writer.end();
    closeSync(fd);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2000);
    expect(lines.map((each) => (JSON.parse(each) as { n: number }).n)).toEqual([...Array(2000).keys()]);
  });

  it('keeps multi-byte text and lines longer than a buffer intact, in order', async () => {
    const file = join(folder, 'utf8.log');
    const fd = openSync(file, 'w');
    const writer = new BatchedFdWriter(fd, { flushBytes: 1000, flushEveryMs: 60_000, maxWaitingBytes: 10_000_000 });
    const lines = [...Array(300).keys()].map((index) => `{"n":${index},"text":"${'é✓🚀'.repeat(index % 40)}"}\n`);
    lines.splice(150, 0, `{"long":"${'ü🚀'.repeat(100_000)}"}\n`);
    for (const each of lines) writer.write(each);
    await writer.end();
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe(lines.join(''));
  });

  it('writes a lone line once the interval has passed', async () => {
    const file = join(folder, 'lone.log');
    const fd = openSync(file, 'w');
    const writer = new BatchedFdWriter(fd, { flushBytes: 1_000_000, flushEveryMs: 20, maxWaitingBytes: 1_000_000 });
    writer.write(line(7));
    await expect.poll(() => readFileSync(file, 'utf8')).toBe(line(7));
    closeSync(fd);
  });

  it('gets everything through a slow non-blocking pipe (partial writes and EAGAIN) and drops beyond the bound', async () => {
    // A reader that starts late: the pipe (64 KB) fills, and writes to its non-blocking end fail with EAGAIN.
    const reader = spawn(process.execPath, ['-e', 'setTimeout(() => process.stdin.pipe(process.stdout), 300)'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const received: Buffer[] = [];
    reader.stdout.on('data', (chunk: Buffer) => received.push(chunk));
    const stdin = reader.stdin as unknown as { _handle: { fd: number } };
    const writer = new BatchedFdWriter(stdin._handle.fd, { flushBytes: 4096, flushEveryMs: 5, maxWaitingBytes: 300_000 });
    let written = '';
    for (let index = 0; index < 20_000; index++) {
      const each = line(index);
      const before = writer.dropped;
      writer.write(each);
      if (writer.dropped === before) written += each;
    }
    expect(writer.dropped).toBeGreaterThan(0);
    await writer.end();
    reader.stdin.end();
    await new Promise((resolve) => reader.on('close', resolve));
    expect(Buffer.concat(received).toString('utf8')).toBe(written);
    expect(writer.lastError).toBeUndefined();
  });
});
