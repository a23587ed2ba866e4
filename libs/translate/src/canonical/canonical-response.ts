import { type TokenUsage } from '../usage/token-usage';
import { type ContentPart } from './canonical-request';

/**
 * Why generation stopped, in Anthropic's vocabulary (the richer one), plus `content_filter` for OpenAI's
 * and `other` for anything a decoder does not know (kept in `rawStopReason`).
 */
export type StopReason =
  | 'end_turn'
  | 'max_tokens'
  | 'stop_sequence'
  | 'tool_use'
  | 'refusal'
  | 'pause_turn'
  | 'content_filter'
  | 'other';

export interface CanonicalResponse {
  id: string;
  /** The model the upstream says it used. */
  model: string;
  content: ContentPart[];
  stopReason: StopReason;
  /** The upstream's own stop value when `stopReason` is `other`, or for information. */
  rawStopReason?: string;
  stopSequence?: string;
  usage: TokenUsage;
}
