import { type GatewayError } from '../gateway-error';
import { type TokenUsage } from '../usage/token-usage';
import { type StopReason } from './canonical-response';

/** The kinds of content block a stream opens. */
export type StreamBlock =
  | { type: 'text' }
  | { type: 'thinking' }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'tool_call'; id: string; name: string };

/**
 * A streamed response in canonical form. Blocks are numbered from 0 in the order they open; every block opens
 * with `block_start` and ends with `block_stop` before `stop`. A stream ends with `stop` then `end`, or with `error`.
 */
export type CanonicalStreamEvent =
  | { type: 'start'; id: string; model: string; usage?: Partial<TokenUsage> }
  | { type: 'block_start'; index: number; block: StreamBlock }
  | { type: 'text_delta'; index: number; text: string }
  | { type: 'thinking_delta'; index: number; text: string }
  | { type: 'signature_delta'; index: number; signature: string }
  | { type: 'tool_arguments_delta'; index: number; json: string }
  | { type: 'block_stop'; index: number }
  /** Usage as far as known; later values replace earlier ones field by field. */
  | { type: 'usage'; usage: Partial<TokenUsage> }
  | { type: 'stop'; stopReason: StopReason; stopSequence?: string; rawStopReason?: string }
  | { type: 'error'; error: GatewayError }
  | { type: 'end' };
