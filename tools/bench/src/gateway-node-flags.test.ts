import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GATEWAY_NODE_FLAGS } from './gateway-node-flags';

const root = new URL('../../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

describe('the node flags the gateway is launched with', () => {
  it('are the same for npm start, the image and the benchmark', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts['start']!;
    expect(start).toBe(`node ${GATEWAY_NODE_FLAGS.join(' ')} tools/start.mjs`);

    const command = /^CMD (\[.*\])$/m.exec(read('Dockerfile'))?.[1];
    expect(command).toBeDefined();
    expect(JSON.parse(command!)).toEqual(['node', ...GATEWAY_NODE_FLAGS, 'dist/gateway/main.js', '--config', '/etc/gatehouse/gatehouse.yaml']);
  });
});
