import { createHash } from 'node:crypto';
import { type EmulatedError } from './behaviour';
import { type DialectResponder, type ResponderRequest } from './dialect-responder';
import { anthropicErrorBody } from './error-bodies';
import { type ReplyPlan } from './reply-plan';
import { type SseFrame, sseFrame } from './sse-writer';
import { splitText } from './text-chunks';
import { randomId } from './wire-ids';

const TOOL_INPUT_FRAGMENTS = 3;

type ContentBlock =
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

// https://docs.anthropic.com/en/api/messages and https://docs.anthropic.com/en/docs/build-with-claude/streaming
export const anthropicMessagesResponder: DialectResponder = {
  dialect: 'anthropic-messages',

  validate(body) {
    if (typeof body.model !== 'string') return 'model: Field required';
    if (!Array.isArray(body.messages)) return 'messages: Field required';
    if (typeof body.max_tokens !== 'number') return 'max_tokens: Field required';
    return undefined;
  },

  errorBody: anthropicErrorBody,

  headers: () => ({ 'request-id': randomId('req_011', 21) }),

  responseBody(plan, request) {
    return {
      id: randomId('msg_01', 22),
      type: 'message',
      role: 'assistant',
      model: request.model,
      content: contentBlocks(plan),
      stop_reason: plan.stopReason,
      stop_sequence: plan.stopSequence,
      usage: anthropicUsage(plan),
    };
  },

  streamFrames(plan, request) {
    return anthropicStreamFrames(plan, request);
  },

  streamErrorFrame(error: EmulatedError) {
    // The stream's error event carries the error object without the request id of the JSON error body.
    const { type, error: detail } = anthropicErrorBody(error);
    return sseFrame({ type, error: detail }, 'error').text;
  },
};

function contentBlocks(plan: ReplyPlan): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  if (plan.thinking !== undefined) blocks.push({ type: 'thinking', thinking: plan.thinking, signature: signatureFor(plan.thinking) });
  if (plan.text !== '' || plan.toolCalls.length === 0) blocks.push({ type: 'text', text: plan.text });
  for (const call of plan.toolCalls) blocks.push({ type: 'tool_use', id: randomId('toolu_01', 22), name: call.name, input: call.arguments });
  return blocks;
}

/** message_start, then each block as start / ping (after the first) / deltas / stop, then message_delta and message_stop. */
function anthropicStreamFrames(plan: ReplyPlan, request: ResponderRequest): SseFrame[] {
  const usage = anthropicUsage(plan);
  const frames: SseFrame[] = [
    sseFrame(
      {
        type: 'message_start',
        message: {
          id: randomId('msg_01', 22),
          type: 'message',
          role: 'assistant',
          model: request.model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { ...usage, output_tokens: Math.min(1, usage.output_tokens) },
        },
      },
      'message_start',
    ),
  ];
  const blocks = contentBlocks(plan);
  blocks.forEach((block, index) => {
    frames.push(sseFrame({ type: 'content_block_start', index, content_block: emptied(block) }, 'content_block_start'));
    if (index === 0) frames.push(sseFrame({ type: 'ping' }, 'ping'));
    for (const delta of blockDeltas(block, plan)) {
      frames.push(sseFrame({ type: 'content_block_delta', index, delta }, 'content_block_delta', delta.type !== 'signature_delta'));
    }
    frames.push(sseFrame({ type: 'content_block_stop', index }, 'content_block_stop'));
  });
  if (blocks.length === 0) frames.push(sseFrame({ type: 'ping' }, 'ping'));
  frames.push(
    sseFrame({ type: 'message_delta', delta: { stop_reason: plan.stopReason, stop_sequence: plan.stopSequence }, usage }, 'message_delta'),
  );
  frames.push(sseFrame({ type: 'message_stop' }, 'message_stop'));
  return frames;
}

function emptied(block: ContentBlock): ContentBlock {
  switch (block.type) {
    case 'thinking':
      return { type: 'thinking', thinking: '', signature: '' };
    case 'text':
      return { type: 'text', text: '' };
    case 'tool_use':
      return { ...block, input: {} };
  }
}

function blockDeltas(block: ContentBlock, plan: ReplyPlan): Array<{ type: string; [field: string]: string }> {
  switch (block.type) {
    case 'thinking':
      return [
        ...splitText(block.thinking).map((thinking) => ({ type: 'thinking_delta', thinking })),
        { type: 'signature_delta', signature: block.signature },
      ];
    case 'text':
      return splitText(block.text, plan.textChunks).map((text) => ({ type: 'text_delta', text }));
    case 'tool_use':
      return splitText(JSON.stringify(block.input), TOOL_INPUT_FRAGMENTS).map((partial_json) => ({ type: 'input_json_delta', partial_json }));
  }
}

function anthropicUsage(plan: ReplyPlan) {
  return {
    input_tokens: plan.usage.input_tokens,
    cache_creation_input_tokens: plan.usage.cache_creation_input_tokens,
    cache_read_input_tokens: plan.usage.cache_read_input_tokens,
    output_tokens: plan.usage.output_tokens,
  };
}

/** Stands in for Anthropic's opaque signature: base64, long, and stable for the same thinking text. */
function signatureFor(thinking: string): string {
  const digest = createHash('sha512').update(thinking).digest();
  return `Eq${Buffer.concat([digest, digest]).toString('base64')}`;
}
