import { type ClosedLoopJob, type ClosedLoopResult, type LoadResult, type OpenLoopJob, type OpenLoopResult } from './load-jobs';
import { type LoadReplyMessage } from './load-generator-process';
import { PinnedProcess } from './pinned-process';

/** The orchestrator's handle on the load generator process: send a job, get its result. */
export class LoadGenerator {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(result: LoadResult): void; reject(error: Error): void }>();

  private constructor(readonly process: PinnedProcess) {
    process.child.on('message', (message: LoadReplyMessage) => {
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      if ('error' in message) waiter.reject(new Error(`load generator: ${message.error}`));
      else waiter.resolve(message.result);
    });
    process.child.once('exit', () => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`load generator exited:\n${process.output}`));
      this.waiting.clear();
    });
  }

  static async start(entry: string, core: number, cwd: string): Promise<LoadGenerator> {
    const running = await PinnedProcess.start({
      name: 'load generator',
      args: [entry, '--role', 'load-generator'],
      core,
      cwd,
      env: process.env,
      readyLine: /^(load generator ready)$/,
      ipc: true,
    });
    return new LoadGenerator(running);
  }

  openLoop(job: Omit<OpenLoopJob, 'kind'>): Promise<OpenLoopResult> {
    return this.send({ kind: 'open-loop', ...job }) as Promise<OpenLoopResult>;
  }

  closedLoop(job: Omit<ClosedLoopJob, 'kind'>): Promise<ClosedLoopResult> {
    return this.send({ kind: 'closed-loop', ...job }) as Promise<ClosedLoopResult>;
  }

  async stop(): Promise<void> {
    if (this.process.child.connected) this.process.child.disconnect();
    await this.process.stop();
  }

  private send(job: OpenLoopJob | ClosedLoopJob): Promise<LoadResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.process.child.send({ id, job });
    });
  }
}
