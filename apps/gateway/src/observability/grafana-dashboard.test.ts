import { readFileSync } from 'node:fs';
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig } from '../test/gateway-harness';
import { PrometheusSamples } from './test/prometheus-samples';
import { labelValuesMetric, promqlMetricNames } from './test/promql-metric-names';
import { type ObservedGateway, startObservedGateway } from './test/start-observed-gateway';

// Every query of the provisioned Grafana dashboard reads only metrics the gateway exports.

const dashboardFile = new URL('../../../../deploy/grafana/dashboards/gatehouse.json', import.meta.url);

interface Panel {
  title: string;
  type: string;
  targets?: Array<{ expr: string }>;
  panels?: Panel[];
}
interface Dashboard {
  panels: Panel[];
  templating: { list: Array<{ name: string; type: string; query?: string | { query: string } }> };
}

const dashboard = JSON.parse(readFileSync(dashboardFile, 'utf8')) as Dashboard;
const panels = dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
const expressions = panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })));

let emulator: Emulator;
let gateway: ObservedGateway;
let exported: Set<string>;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startObservedGateway(emulatorConfig(emulator.url));
  const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'gk-client-key', maxRetries: 0 });
  await anthropic.messages.create({ model: 'claude-sonnet', max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] });
  exported = new PrometheusSamples(await (await fetch(`${gateway.url}/metrics`)).text()).seriesNames();
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

describe('the Grafana dashboard', () => {
  it('has the panels the issue asks for', () => {
    const text = JSON.stringify(expressions);
    for (const metric of [
      'gatehouse_requests_total',
      'gen_ai_client_operation_duration_seconds_bucket',
      'gen_ai_server_time_to_first_token_seconds_bucket',
      'gatehouse_tokens_total',
      'gatehouse_fallbacks_total',
      'gatehouse_rate_limited_total',
      'gatehouse_circuit_breaker_state',
    ]) {
      expect(text).toContain(metric);
    }
    expect(expressions.filter((query) => query.expr.startsWith('histogram_quantile(0.99'))).not.toHaveLength(0);
    expect(JSON.stringify(expressions.filter((query) => query.expr.includes('gatehouse_tokens_total')))).toContain('by (team)');
  });

  it.each(expressions)('$panel: $expr reads only exported metrics', ({ expr }) => {
    const names = promqlMetricNames(expr);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(exported, `${name} is not exported by the gateway`).toContain(name);
  });

  it('fills its variables from exported metrics', () => {
    const queries = dashboard.templating.list.filter((variable) => variable.type === 'query');
    expect(queries.length).toBeGreaterThan(0);
    for (const variable of queries) {
      const query = typeof variable.query === 'string' ? variable.query : (variable.query?.query ?? '');
      expect(exported).toContain(labelValuesMetric(query));
    }
  });
});
