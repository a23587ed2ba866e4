import { afterEach, describe, expect, it } from 'vitest';
import { PinnedProcess } from './pinned-process';

const started: PinnedProcess[] = [];

async function startIdleNode(name: string): Promise<PinnedProcess> {
  const child = await PinnedProcess.start({
    name,
    args: ['-e', "console.error('last words'); console.log('ready'); setInterval(() => {}, 1000)"],
    core: 0,
    readyLine: /^ready$/,
    cwd: process.cwd(),
    env: process.env,
  });
  started.push(child);
  return child;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((child) => child.stop()));
});

describe('PinnedProcess.measuredCpuMicros', () => {
  it('reads the CPU time of a running process', async () => {
    const child = await startIdleNode('idle node');
    expect(await child.measuredCpuMicros()).toBeGreaterThanOrEqual(0);
  });

  it('says which process died, how, and what it wrote last, instead of failing on /proc', async () => {
    const child = await startIdleNode('doomed gateway');
    const exited = new Promise((resolve) => child.child.once('exit', resolve));
    child.child.kill('SIGKILL');
    await exited;
    await expect(child.measuredCpuMicros()).rejects.toThrow(/^doomed gateway was killed by SIGKILL while it was being measured:\n(.*\n)*last words/);
  });
});
