import { diag } from '@opentelemetry/api';
import type * as core from '@opentelemetry/core';
import type * as traceSdk from '@opentelemetry/sdk-trace-base';

type CoreModule = typeof core;
type TraceSdkModule = typeof traceSdk;

/**
 * The sampler for the gateway's traces: with `telemetry.sample_ratio`, that share of new traces and whatever the caller
 * decided for its own; without it, what the standard OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG variables say
 * (the sampler names of the OpenTelemetry specification), and by default every trace, following the caller. The SDK
 * modules are passed in: they are loaded only when telemetry is on.
 */
export function traceSampler(sampleRatio: number | undefined, sdk: TraceSdkModule, env: CoreModule): traceSdk.Sampler {
  const { AlwaysOffSampler, AlwaysOnSampler, ParentBasedSampler, TraceIdRatioBasedSampler } = sdk;
  if (sampleRatio !== undefined) return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(sampleRatio) });
  const ratio = () => {
    const value = env.getNumberFromEnv('OTEL_TRACES_SAMPLER_ARG');
    return value !== undefined && value >= 0 && value <= 1 ? value : 1;
  };
  const name = env.getStringFromEnv('OTEL_TRACES_SAMPLER') ?? 'parentbased_always_on';
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio());
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio()) });
    default:
      if (name !== 'parentbased_always_on') diag.warn(`OTEL_TRACES_SAMPLER=${name} is not supported here; every trace is recorded`);
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}
