import { describe, expect, it } from 'vitest';
import { emptyUsage } from '@gatehouse/translate';
import { validateConfig } from '../../config';
import { ConfigLabels } from '../config-labels';
import { type RequestOutcome } from '../request-outcome';
import { RequestObservers } from '../request-observers';
import { PrometheusSamples } from '../test/prometheus-samples';
import { GatewayMetrics } from './gateway-metrics';
import {
  OPERATION_DURATION_BUCKETS,
  TIME_PER_OUTPUT_TOKEN_BUCKETS,
  TIME_TO_FIRST_TOKEN_BUCKETS,
  TOKEN_USAGE_BUCKETS,
} from './genai-metric-buckets';

const config = validateConfig({
  providers: [
    { name: 'claude', type: 'anthropic', api_key: 'sk-ant-never-shown' },
    { name: 'vllm', type: 'openai', base_url: 'http://vllm:8000/v1' },
  ],
  models: [
    { name: 'sonnet', targets: [{ provider: 'claude', model: 'claude-sonnet-4-5' }] },
    { name: 'qwen', targets: [{ provider: 'vllm', model: 'Qwen/Qwen2.5-7B-Instruct' }] },
  ],
});

function newMetrics(): { metrics: GatewayMetrics; observers: RequestObservers } {
  const observers = new RequestObservers();
  return { metrics: new GatewayMetrics(config, new ConfigLabels(config), observers), observers };
}

function outcome(fields: Partial<RequestOutcome>): RequestOutcome {
  return {
    requestId: 'req-1',
    startedAt: new Date(),
    endpoint: 'openai-chat',
    clientDialect: 'openai-chat',
    status: 200,
    stream: false,
    aborted: false,
    usage: emptyUsage(),
    latencyMs: 250,
    attempts: 1,
    ...fields,
  };
}

async function scrape(metrics: GatewayMetrics): Promise<PrometheusSamples> {
  return new PrometheusSamples(await metrics.render());
}

describe('GatewayMetrics', () => {
  it('uses the GenAI conventions bucket boundaries', async () => {
    const { metrics, observers } = newMetrics();
    observers.completed(outcome({ routedModel: 'sonnet', provider: 'claude', stream: true, ttftMs: 100, usage: { ...emptyUsage(), outputTokens: 5 } }));
    const samples = await scrape(metrics);
    expect(samples.bucketBounds('gen_ai_client_token_usage')).toEqual(TOKEN_USAGE_BUCKETS);
    expect(samples.bucketBounds('gen_ai_client_operation_duration_seconds')).toEqual(OPERATION_DURATION_BUCKETS);
    expect(samples.bucketBounds('gen_ai_server_time_to_first_token_seconds')).toEqual(TIME_TO_FIRST_TOKEN_BUCKETS);
    expect(samples.bucketBounds('gen_ai_server_time_per_output_token_seconds')).toEqual(TIME_PER_OUTPUT_TOKEN_BUCKETS);
  });

  it('labels GenAI histograms with the provider type and the configured model, and puts key and team on counters only', async () => {
    const { metrics, observers } = newMetrics();
    const usage = { inputTokens: 140, outputTokens: 21, cacheReadTokens: 30, cacheWriteTokens: 10, reasoningTokens: 0 };
    const principal = { keyId: 'k1', keyName: 'team-a-key', team: 'research', source: 'config' as const };
    observers.completed(outcome({ requestedModel: 'sonnet', routedModel: 'sonnet', provider: 'claude', usage, principal, stream: true, ttftMs: 50, latencyMs: 250 }));
    const samples = await scrape(metrics);

    const genAi = { gen_ai_operation_name: 'chat', gen_ai_provider_name: 'anthropic', gen_ai_request_model: 'sonnet', gatehouse_provider: 'claude' };
    expect(samples.histogram('gen_ai_client_token_usage', { ...genAi, gen_ai_token_type: 'input' })).toEqual({ count: 1, sum: 140 });
    expect(samples.histogram('gen_ai_client_token_usage', { ...genAi, gen_ai_token_type: 'output' })).toEqual({ count: 1, sum: 21 });
    expect(samples.histogram('gen_ai_server_time_to_first_token_seconds', genAi)).toEqual({ count: 1, sum: 0.05 });
    // (250 ms - 50 ms) over the 20 tokens after the first.
    expect(samples.histogram('gen_ai_server_time_per_output_token_seconds', genAi).sum).toBeCloseTo(0.01, 10);
    for (const family of ['gen_ai_client_token_usage', 'gen_ai_client_operation_duration_seconds', 'gen_ai_server_time_to_first_token_seconds']) {
      const series = samples.samples(`${family}_count`);
      expect(series.length).toBeGreaterThan(0);
      for (const sample of series) {
        expect(sample.labels).not.toHaveProperty('key');
        expect(sample.labels).not.toHaveProperty('team');
      }
    }

    const who = { model: 'sonnet', provider: 'claude', key: 'team-a-key', team: 'research' };
    expect(samples.value('gatehouse_requests_total', { ...who, endpoint: 'openai-chat', status: '200' })).toBe(1);
    expect(samples.value('gatehouse_tokens_total', { ...who, gen_ai_token_type: 'input' })).toBe(140);
    expect(samples.value('gatehouse_tokens_total', { ...who, gen_ai_token_type: 'output' })).toBe(21);
    expect(samples.value('gatehouse_cached_tokens_total', { ...who, cache: 'read' })).toBe(30);
    expect(samples.value('gatehouse_cached_tokens_total', { ...who, cache: 'creation' })).toBe(10);
  });

  it('labels a model that is not configured "other", so clients cannot grow the label set', async () => {
    const { metrics, observers } = newMetrics();
    observers.completed(outcome({ requestedModel: 'made-up-model-1', status: 404, errorCode: 'not_found', attempts: 0 }));
    observers.completed(outcome({ requestedModel: 'made-up-model-2', status: 404, errorCode: 'not_found', attempts: 0 }));
    observers.completed(outcome({ requestedModel: 'qwen', status: 403, errorCode: 'permission', attempts: 0 }));
    const samples = await scrape(metrics);
    expect(samples.value('gatehouse_requests_total', { model: 'other', status: '404', provider: 'none', key: 'none' })).toBe(2);
    expect(samples.value('gatehouse_requests_total', { model: 'qwen', status: '403' })).toBe(1);
    expect(await metrics.render()).not.toContain('made-up-model');
    // Requests that never reached a provider are no GenAI operation.
    expect(samples.samples('gen_ai_client_operation_duration_seconds_count')).toHaveLength(0);
  });

  it('records failed operations with error_type and leaves them out of time to first token', async () => {
    const { metrics, observers } = newMetrics();
    observers.completed(outcome({ routedModel: 'qwen', provider: 'vllm', status: 502, errorCode: 'upstream', stream: true, ttftMs: 5 }));
    const samples = await scrape(metrics);
    expect(samples.histogram('gen_ai_client_operation_duration_seconds', { gen_ai_provider_name: 'openai', error_type: 'upstream' }).count).toBe(1);
    expect(samples.histogram('gen_ai_server_time_to_first_token_seconds').count).toBe(0);
    expect(samples.histogram('gen_ai_client_token_usage').count).toBe(0);
    // A series appears once something is recorded in it, not as an empty one beside its siblings.
    expect(samples.samples('gen_ai_server_time_to_first_token_seconds_count')).toHaveLength(0);
    expect(samples.samples('gatehouse_cached_tokens_total')).toHaveLength(0);
  });

  it('counts budget refusals from the outcomes (only the budget gate answers budget_exceeded)', async () => {
    const { metrics, observers } = newMetrics();
    observers.completed(outcome({ routedModel: 'qwen', status: 429, errorCode: 'budget_exceeded', attempts: 0 }));
    observers.completed(outcome({ routedModel: 'qwen', status: 429, errorCode: 'rate_limited', attempts: 0 }));
    const samples = await scrape(metrics);
    expect(samples.value('gatehouse_budget_rejected_total', { model: 'qwen' })).toBe(1);
  });

  it('counts requests in flight from start to completion', async () => {
    const { metrics, observers } = newMetrics();
    observers.started('anthropic-messages');
    observers.started('anthropic-messages');
    expect((await scrape(metrics)).value('gatehouse_requests_in_flight', { endpoint: 'anthropic-messages' })).toBe(2);
    observers.completed(outcome({ endpoint: 'anthropic-messages', attempts: 0 }));
    expect((await scrape(metrics)).value('gatehouse_requests_in_flight', { endpoint: 'anthropic-messages' })).toBe(1);
  });

  it('counts the events other modules report: fallbacks, rate limits, attempts, breaker state, dropped usage records', async () => {
    const { metrics } = newMetrics();
    let dropped = 3;
    metrics.recordFallback('sonnet', 'qwen', 'overloaded');
    metrics.recordRateLimited('rpm', 'sonnet');
    metrics.recordRateLimited('weird-limit', 'sonnet');
    metrics.recordUpstreamAttempt('claude', 'claude-sonnet-4-5', 'overloaded');
    metrics.recordUpstreamAttempt('vllm', 'Qwen/Qwen2.5-7B-Instruct', 'success');
    metrics.setBreakerState('claude', 'open');
    metrics.setBreakerState('vllm', 'half_open');
    metrics.countDroppedUsageRecords(() => dropped);
    let samples = await scrape(metrics);

    expect(samples.value('gatehouse_fallbacks_total', { model: 'sonnet', fallback_model: 'qwen', reason: 'overloaded' })).toBe(1);
    expect(samples.value('gatehouse_rate_limited_total', { limit: 'rpm', model: 'sonnet' })).toBe(1);
    expect(samples.value('gatehouse_rate_limited_total', { limit: 'other' })).toBe(1);
    expect(samples.value('gatehouse_upstream_attempts_total', { provider: 'claude', outcome: 'overloaded' })).toBe(1);
    expect(samples.value('gatehouse_upstream_attempts_total', { provider: 'vllm', outcome: 'success' })).toBe(1);
    expect(samples.value('gatehouse_circuit_breaker_state', { provider: 'claude' })).toBe(2);
    expect(samples.value('gatehouse_circuit_breaker_state', { provider: 'vllm' })).toBe(1);
    expect(samples.value('gatehouse_usage_records_dropped_total')).toBe(3);
    dropped = 5;
    samples = await scrape(metrics);
    expect(samples.value('gatehouse_usage_records_dropped_total')).toBe(5);
  });

  it('exposes the process metrics and no secret', async () => {
    const { metrics } = newMetrics();
    const text = await metrics.render();
    const samples = new PrometheusSamples(text);
    expect(samples.seriesNames()).toContain('process_cpu_user_seconds_total');
    expect(samples.seriesNames()).toContain('nodejs_eventloop_lag_seconds');
    expect(text).not.toContain('sk-ant-never-shown');
  });
});
