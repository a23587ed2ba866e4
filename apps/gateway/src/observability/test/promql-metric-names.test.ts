import { describe, expect, it } from 'vitest';
import { labelValuesMetric, promqlMetricNames } from './promql-metric-names';

describe('promqlMetricNames', () => {
  it.each([
    ['sum by (model) (rate(gatehouse_requests_total{model=~"$model"}[$__rate_interval]))', ['gatehouse_requests_total']],
    [
      'histogram_quantile(0.95, sum by (le) (rate(gen_ai_server_time_to_first_token_seconds_bucket{gen_ai_request_model=~"$model"}[5m])))',
      ['gen_ai_server_time_to_first_token_seconds_bucket'],
    ],
    [
      'sum(rate(a_total{status=~"5.."}[1m])) / clamp_min(sum(rate(a_total[1m])), 1e-9)',
      ['a_total', 'a_total'],
    ],
    ['max by (provider) (gatehouse_circuit_breaker_state)', ['gatehouse_circuit_breaker_state']],
    ['up offset 5m or process_resident_memory_bytes', ['up', 'process_resident_memory_bytes']],
  ])('%s', (expression, names) => {
    expect(promqlMetricNames(expression)).toEqual(names);
  });

  it('reads the metric of a label_values variable query', () => {
    expect(labelValuesMetric('label_values(gatehouse_requests_total, model)')).toBe('gatehouse_requests_total');
  });
});
