import { ROOT_CONTEXT, SpanKind, TraceFlags, trace } from '@opentelemetry/api';
import * as core from '@opentelemetry/core';
import * as sdk from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { traceSampler } from './trace-sampler';

const { SamplingDecision } = sdk;
const LOW_TRACE = '00000000000000000000000000000001';
// TraceIdRatioBasedSampler XORs the id's 32-bit words: these two give 1 and 0xffffffff.
const HIGH_TRACE = 'ffffffff000000000000000000000000';
const callerContext = (sampled: boolean) =>
  trace.setSpanContext(ROOT_CONTEXT, { traceId: HIGH_TRACE, spanId: 'b7ad6b7169203331', traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE, isRemote: true });

function decisions(sampler: sdk.Sampler) {
  const decide = (context: typeof ROOT_CONTEXT, traceId: string) => sampler.shouldSample(context, traceId, 'chat', SpanKind.SERVER, {}, []).decision === SamplingDecision.RECORD_AND_SAMPLED;
  return { newLow: decide(ROOT_CONTEXT, LOW_TRACE), newHigh: decide(ROOT_CONTEXT, HIGH_TRACE), sampledCaller: decide(callerContext(true), HIGH_TRACE), unsampledCaller: decide(callerContext(false), HIGH_TRACE) };
}

const saved = { sampler: process.env['OTEL_TRACES_SAMPLER'], arg: process.env['OTEL_TRACES_SAMPLER_ARG'] };
function setEnvironment(sampler?: string, arg?: string) {
  for (const [name, value] of [['OTEL_TRACES_SAMPLER', sampler], ['OTEL_TRACES_SAMPLER_ARG', arg]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

afterEach(() => setEnvironment(saved.sampler, saved.arg));

describe('traceSampler', () => {
  it('with telemetry.sample_ratio: that share of new traces (by trace id), and the caller\'s decision for its own', () => {
    setEnvironment('always_off');
    expect(decisions(traceSampler(0.5, sdk, core))).toEqual({ newLow: true, newHigh: false, sampledCaller: true, unsampledCaller: false });
  });

  it('without it: every trace, following the caller', () => {
    setEnvironment();
    expect(decisions(traceSampler(undefined, sdk, core))).toEqual({ newLow: true, newHigh: true, sampledCaller: true, unsampledCaller: false });
  });

  it('without it: the OTEL_TRACES_SAMPLER variables of the specification', () => {
    setEnvironment('always_off');
    expect(decisions(traceSampler(undefined, sdk, core))).toEqual({ newLow: false, newHigh: false, sampledCaller: false, unsampledCaller: false });
    setEnvironment('always_on');
    expect(decisions(traceSampler(undefined, sdk, core))).toEqual({ newLow: true, newHigh: true, sampledCaller: true, unsampledCaller: true });
    setEnvironment('parentbased_always_off');
    expect(decisions(traceSampler(undefined, sdk, core))).toEqual({ newLow: false, newHigh: false, sampledCaller: true, unsampledCaller: false });
    setEnvironment('traceidratio', '0.5');
    expect(decisions(traceSampler(undefined, sdk, core))).toEqual({ newLow: true, newHigh: false, sampledCaller: false, unsampledCaller: false });
    setEnvironment('parentbased_traceidratio', '0');
    expect(decisions(traceSampler(undefined, sdk, core))).toEqual({ newLow: false, newHigh: false, sampledCaller: true, unsampledCaller: false });
    // An out-of-range ratio counts as 1, as the specification says for an invalid argument; an unknown name as the default.
    setEnvironment('traceidratio', '7');
    expect(decisions(traceSampler(undefined, sdk, core))).toMatchObject({ newLow: true, newHigh: true });
    setEnvironment('jaeger_remote');
    expect(decisions(traceSampler(undefined, sdk, core))).toEqual({ newLow: true, newHigh: true, sampledCaller: true, unsampledCaller: false });
  });
});
