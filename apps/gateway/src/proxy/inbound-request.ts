import { isUtf8 } from 'node:buffer';
import { GatewayError } from '@gatehouse/translate';
import {
  validateAnthropicCountTokensRequest,
  validateAnthropicMessagesRequest,
  validateOpenAIChatRequest,
  validateOpenAIResponsesRequest,
} from '@gatehouse/wire';

import { type ClientEndpoint } from '../observability/request-outcome';
import { findTopLevelModel } from './model-splice';
import { type LongStrings, outlineOf } from './request-outline';

export { type ClientEndpoint };

type Json = Record<string, unknown>;

const validators = {
  'openai-chat': validateOpenAIChatRequest,
  'openai-responses': validateOpenAIResponsesRequest,
  'anthropic-messages': validateAnthropicMessagesRequest,
  'anthropic-count-tokens': validateAnthropicCountTokensRequest,
} as const;

/**
 * Bodies this large are read through their outline (request-outline.ts) when the caller says their model only passes
 * through, on Chat Completions and Messages; translation reads every string, and the Responses API reads every body
 * whole (stored conversations).
 */
const OUTLINE_MIN_BYTES = 64 * 1024;
const OUTLINED_ENDPOINTS: ReadonlySet<ClientEndpoint> = new Set(['openai-chat', 'anthropic-messages']);

/**
 * A client's request body, checked: its bytes as sent, and its JSON. A large body is validated, routed and limited on
 * its outline, where long strings are placeholders (`longStrings` tells them apart); a pass-through never needs more,
 * and `json`, the body parsed whole, is made only when something reads it (translation).
 */
export class InboundRequest {
  readonly model: string;
  readonly stream: boolean;
  private whole: Json | undefined;

  constructor(
    readonly raw: Buffer,
    /** The body's JSON, or its outline when `longStrings` is set. */
    readonly outline: Json,
    readonly longStrings?: LongStrings,
  ) {
    this.model = (longStrings?.resolve(outline.model) ?? outline.model) as string;
    this.stream = outline.stream === true;
    if (!longStrings) this.whole = outline;
  }

  /** The whole body; a 400 when a long string left out of the outline is not valid JSON. */
  get json(): Json {
    return (this.whole ??= parseWhole(this.raw) as Json);
  }
}

/**
 * Reads and validates a request body before anything goes upstream; every failure is a 400 naming the field.
 * `outlineFor(model)` says whether a large body for that model may be read through its outline.
 */
export function readInboundRequest(endpoint: ClientEndpoint, body: unknown, outlineFor?: (model: string) => boolean): InboundRequest {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new GatewayError('invalid_request', 'The request body is empty: expected a JSON object');
  }
  if (!isUtf8(body)) throw new GatewayError('invalid_request', 'The request body is not valid UTF-8');
  const outline =
    outlineFor && body.length >= OUTLINE_MIN_BYTES && OUTLINED_ENDPOINTS.has(endpoint) && outlineFor(modelNamedIn(body)) ? outlineOf(body) : undefined;
  const json = outline ? outline.json : parseWhole(body);
  const result = validators[endpoint](json);
  if (!result.ok) {
    const issue = result.issues[0]!;
    const message = issue.path ? `${issue.path}: ${issue.message}` : `The request body is not valid: ${issue.message}`;
    throw new GatewayError('invalid_request', message, { param: issue.path || undefined });
  }
  return new InboundRequest(body, json as Json, outline?.longStrings);
}

/** The top-level model of a body not parsed yet; '' when there is none (the body is then read whole, and validation says why). */
function modelNamedIn(body: Buffer): string {
  const span = findTopLevelModel(body);
  if (!span) return '';
  try {
    const model: unknown = JSON.parse(body.toString('utf8', span[0], span[1]));
    return typeof model === 'string' ? model : '';
  } catch {
    return '';
  }
}

function parseWhole(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new GatewayError('invalid_request', `The request body is not valid JSON: ${(error as Error).message}`);
  }
}
