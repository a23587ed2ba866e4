import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

const root = new URL('../../../../', import.meta.url).pathname;

/** Builds the bundles if their sources changed (tests of the real process run dist/gateway/main.js, as `npm start` does). */
export function buildIfStale(): void {
  const result = spawnSync(process.execPath, ['tools/build.mjs', '--if-missing'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
}

export interface GatewayProcess {
  child: ChildProcess;
  url: string;
  output: string[];
  exited: Promise<number | null>;
}

/** Runs the built gateway as `npm start` would, resolving once it prints its listening line. */
export function spawnGateway(args: string[], env: Record<string, string> = {}): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['dist/gateway/main.js', ...args], { cwd: root, env: { ...process.env, ...env } });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const match = /^gatehouse listening on (http:\/\/\S+)$/.exec(line);
      if (match) resolve({ child, url: match[1]!, output, exited });
    });
    void exited.then((code) => reject(new Error(`gateway exited with ${code}:\n${output.join('\n')}`)));
  });
}
