import { isUtf8 } from 'node:buffer';
import { GatewayError } from '@gatehouse/translate';
import {
  validateAnthropicCountTokensRequest,
  validateAnthropicMessagesRequest,
  validateOpenAIChatRequest,
  validateOpenAIResponsesRequest,
} from '@gatehouse/wire';

import { type ClientEndpoint } from '../observability/request-outcome';

export { type ClientEndpoint };

/** A client's request body, checked: its bytes as sent, its parsed JSON, and the fields routing needs. */
export interface InboundRequest {
  raw: Buffer;
  json: Record<string, unknown>;
  model: string;
  stream: boolean;
}

const validators = {
  'openai-chat': validateOpenAIChatRequest,
  'openai-responses': validateOpenAIResponsesRequest,
  'anthropic-messages': validateAnthropicMessagesRequest,
  'anthropic-count-tokens': validateAnthropicCountTokensRequest,
} as const;

/** Reads and validates a request body before anything goes upstream; every failure is a 400 naming the field. */
export function readInboundRequest(endpoint: ClientEndpoint, body: unknown): InboundRequest {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new GatewayError('invalid_request', 'The request body is empty: expected a JSON object');
  }
  if (!isUtf8(body)) throw new GatewayError('invalid_request', 'The request body is not valid UTF-8');
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new GatewayError('invalid_request', `The request body is not valid JSON: ${(error as Error).message}`);
  }
  const result = validators[endpoint](json);
  if (!result.ok) {
    const issue = result.issues[0]!;
    const message = issue.path ? `${issue.path}: ${issue.message}` : `The request body is not valid: ${issue.message}`;
    throw new GatewayError('invalid_request', message, { param: issue.path || undefined });
  }
  const value = json as Record<string, unknown>;
  return { raw: body, json: value, model: value.model as string, stream: value.stream === true };
}
