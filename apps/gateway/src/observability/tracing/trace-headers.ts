import { type SpanContext } from '@opentelemetry/api';

/**
 * The W3C trace context headers that carry `context` to the next service: what the SDK's W3C propagator writes for a
 * span, made from the span's context directly instead of from a Context object built for the propagator.
 */
export function traceHeadersOf(context: SpanContext): Record<string, string> {
  const flags = (context.traceFlags & 0xff).toString(16).padStart(2, '0');
  const headers: Record<string, string> = { traceparent: `00-${context.traceId}-${context.spanId}-${flags}` };
  const traceState = context.traceState?.serialize();
  if (traceState) headers['tracestate'] = traceState;
  return headers;
}
