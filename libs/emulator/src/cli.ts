import { parseArgs } from 'node:util';
import { startEmulator } from './emulator-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9000' },
    host: { type: 'string', default: '127.0.0.1' },
    fast: { type: 'boolean', default: false },
    'stream-chunks': { type: 'string' },
    'chunk-delay-ms': { type: 'string' },
  },
});

const emulator = await startEmulator({
  port: Number(values.port),
  host: values.host,
  fast: values.fast,
  streamChunks: values['stream-chunks'] === undefined ? undefined : Number(values['stream-chunks']),
  streamChunkDelayMs: values['chunk-delay-ms'] === undefined ? undefined : Number(values['chunk-delay-ms']),
});
console.log(`emulator listening on ${emulator.url}`);

const stop = (): void => {
  void emulator.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
