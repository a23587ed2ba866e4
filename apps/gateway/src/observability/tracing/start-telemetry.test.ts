import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { validateConfig } from '../../config';
import { emulatorConfig } from '../../test/gateway-harness';
import { CollectorEndpoint } from '../test/collector-endpoint';
import { startObservedGateway } from '../test/start-observed-gateway';
import { NO_REQUEST_SPAN } from './request-span';
import { RequestTracing } from './request-tracing';
import { startTelemetry } from './start-telemetry';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

describe('startTelemetry', () => {
  it('creates nothing when telemetry.otlp_endpoint is unset', async () => {
    expect(await startTelemetry(validateConfig({}).telemetry)).toBeUndefined();
  });
});

describe('with telemetry off', () => {
  it('hands every request the shared no-op span and sends no traceparent upstream', async () => {
    const gateway = await startObservedGateway(emulatorConfig(emulator.url));
    try {
      const tracing = gateway.app.get(RequestTracing);
      expect(tracing.enabled).toBe(false);
      expect(tracing.startRequest({} as never, 'openai-chat', {})).toBe(NO_REQUEST_SPAN);
      emulator.reset();
      const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'gk-client-key', maxRetries: 0 });
      await anthropic.messages.create({ model: 'claude-sonnet', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] });
      expect(emulator.requests[0]!.headers.traceparent).toBeUndefined();
    } finally {
      await gateway.close();
    }
  });
});

describe('with telemetry.otlp_endpoint', () => {
  it('exports the spans and the GenAI metrics over OTLP/HTTP, flushed when the gateway closes', async () => {
    const collector = new CollectorEndpoint();
    const endpoint = await collector.start();
    try {
      const gateway = await startObservedGateway(emulatorConfig(emulator.url, { telemetry: { otlp_endpoint: endpoint, service_name: 'gatehouse-test' } }));
      const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'gk-client-key', maxRetries: 0 });
      emulator.enqueue({ text: 'over otlp', usage: { input_tokens: 7, output_tokens: 2 } });
      await anthropic.messages.create({ model: 'claude-sonnet', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] });
      await gateway.close();

      const traces = collector.received.filter((request) => request.path === '/v1/traces');
      const metrics = collector.received.filter((request) => request.path === '/v1/metrics');
      expect(traces.length).toBeGreaterThan(0);
      expect(metrics.length).toBeGreaterThan(0);
      type TracesRequest = { resourceSpans: Array<{ resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> }; scopeSpans: Array<{ spans: Array<{ name: string; kind: number }> }> }> };
      const resourceSpans = traces.flatMap((request) => (JSON.parse(request.body) as TracesRequest).resourceSpans);
      expect(new Set(traces.map((request) => request.contentType))).toEqual(new Set(['application/json']));
      expect(resourceSpans.flatMap((resource) => resource.resource.attributes)).toContainEqual({ key: 'service.name', value: { stringValue: 'gatehouse-test' } });
      // OTLP's SpanKind counts from 1: SERVER is 2 and CLIENT 3.
      const spans = resourceSpans.flatMap((resource) => resource.scopeSpans).flatMap((scope) => scope.spans);
      expect(spans.map(({ name, kind }) => ({ name, kind }))).toEqual(expect.arrayContaining([{ name: 'chat claude-sonnet', kind: 2 }, { name: expect.stringMatching(/^chat /), kind: 3 }]));
      const metricText = metrics.map((request) => request.body).join('\n');
      for (const name of ['gen_ai.client.token.usage', 'gen_ai.client.operation.duration', 'gatehouse.requests']) expect(metricText).toContain(name);
    } finally {
      await collector.close();
    }
  });
});
