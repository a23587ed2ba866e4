import { Agent } from 'undici';
import { runClosedLoop } from './closed-loop-load';
import { type LoadJob, type LoadResult } from './load-jobs';
import { runOpenLoop } from './open-loop-load';

export interface LoadRequestMessage {
  id: number;
  job: LoadJob;
}

export type LoadReplyMessage = { id: number; result: LoadResult } | { id: number; error: string };

/**
 * The load generator's own process (run.js --role load-generator): takes jobs over IPC, one at a time, and answers
 * with their results. Keep-alive connections are kept between jobs, as a client in front of a gateway would.
 */
export function serveLoadJobs(): void {
  const agent = new Agent({ connections: 1024, pipelining: 1, keepAliveTimeout: 60_000, keepAliveMaxTimeout: 600_000 });
  const reply = (message: LoadReplyMessage) => process.send?.(message);
  process.on('message', (message: LoadRequestMessage) => {
    const running = message.job.kind === 'open-loop' ? runOpenLoop(message.job, agent) : runClosedLoop(message.job);
    running.then(
      (result) => reply({ id: message.id, result }),
      (error: unknown) => reply({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  process.on('disconnect', () => {
    void agent.close().finally(() => process.exit(0));
  });
  process.stdout.write('load generator ready\n');
}
