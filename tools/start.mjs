// `npm start`: build what is missing or stale, then run the gateway in this process (argv passes through: --config FILE).
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url);
const built = spawnSync(process.execPath, [new URL('tools/build.mjs', root).pathname, '--if-missing'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
await import(new URL('dist/gateway/main.js', root).href);
