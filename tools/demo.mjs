// `npm run demo`: the upstream emulator plus the gateway, configured by deploy/demo/gatehouse.demo.yaml.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

const root = new URL('..', import.meta.url).pathname;
const built = spawnSync(process.execPath, [`${root}tools/build.mjs`, '--if-missing'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const children = [];
function start(args, env, readyPattern) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${args[0]} exited with ${code}`);
      stop(1);
    }
  });
  return new Promise((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      console.log(line);
      const match = readyPattern.exec(line);
      if (match) resolve(match[1]);
    });
  });
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

const emulatorUrl = await start(['dist/emulator/cli.js', '--port', process.env.EMULATOR_PORT ?? '9000'], {}, /emulator listening on (\S+)/);
const gatewayUrl = await start(['dist/gateway/main.js', '--config', 'deploy/demo/gatehouse.demo.yaml'], { EMULATOR_URL: emulatorUrl }, /gatehouse listening on (\S+)/);

console.log(`
Gatehouse demo is up: ${gatewayUrl} (dashboard: ${gatewayUrl}/ui), upstream emulator: ${emulatorUrl}
Try:
  curl ${gatewayUrl}/v1/models
  curl ${gatewayUrl}/v1/chat/completions -H 'content-type: application/json' \\
    -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hello"}]}'
  curl -N ${gatewayUrl}/v1/messages -H 'content-type: application/json' \\
    -d '{"model":"claude-sonnet-4-5","max_tokens":256,"stream":true,"messages":[{"role":"user","content":"Hello"}]}'
Press Ctrl-C to stop.`);
