import { type Dialect, type GatewayErrorCode, type TokenUsage } from '@gatehouse/translate';
import { type Principal } from '../auth/principal';

/** The /v1 endpoints, named for usage records, metrics and logs. */
export type ClientEndpoint = 'openai-chat' | 'openai-responses' | 'anthropic-messages' | 'anthropic-count-tokens';

/** Everything worth knowing about one finished /v1 request; observers turn it into usage rows, metrics and a log line. */
export interface RequestOutcome {
  requestId: string;
  startedAt: Date;
  endpoint: ClientEndpoint;
  clientDialect: Dialect;
  principal?: Principal;
  /** The model name the client sent. */
  requestedModel?: string;
  /** The configured model that served it (differs from requestedModel for "auto" and fallbacks). */
  routedModel?: string;
  upstreamModel?: string;
  provider?: string;
  /** The routing decision that chose the model, for "auto". */
  decision?: string;
  status: number;
  errorCode?: GatewayErrorCode;
  stream: boolean;
  /** The client went away before the response was complete. */
  aborted: boolean;
  usage: TokenUsage;
  latencyMs: number;
  /** Time to the first byte of the response body reaching the client. */
  ttftMs?: number;
  attempts: number;
  /** The HTTP method and path (without the query string, which may carry anything). */
  method?: string;
  path?: string;
  /** The generation parameters the client set, for spans and the access log. */
  parameters?: GenerationParameters;
  /** What the upstream said about its answer, when it was read. */
  response?: ResponseDetails;
  /** The trace this request's spans belong to, when tracing is on (for log correlation). */
  traceId?: string;
}

/** The client's generation parameters, by their GenAI convention names (gen_ai.request.*). */
export interface GenerationParameters {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
}

/**
 * What an upstream answer said about itself: its id, the model that answered, and why it stopped (the canonical stop
 * reason for a translated answer, or the upstream's own word where the canonical model has none).
 */
export interface ResponseDetails {
  id?: string;
  model?: string;
  finishReasons?: string[];
}

export interface RequestObserver {
  /** Called once per request after its response ended; must not throw or block. */
  requestCompleted(outcome: RequestOutcome): void;
  /** Called once per request when it starts (before its body is checked); must not throw or block. */
  requestStarted?(endpoint: ClientEndpoint): void;
}
