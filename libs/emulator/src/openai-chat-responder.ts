import { type EmulatedError } from './behaviour';
import { type DialectResponder, type ResponderRequest } from './dialect-responder';
import { openAiErrorBody } from './error-bodies';
import { type ReplyPlan } from './reply-plan';
import { type SseFrame, sseFrame } from './sse-writer';
import { openAiChatUsage } from './openai-usage';
import { splitText } from './text-chunks';
import { randomId } from './wire-ids';

const TOOL_ARGUMENT_FRAGMENTS = 3;

// https://platform.openai.com/docs/api-reference/chat/create and /chat/streaming.
// Thinking is rendered as `reasoning_content`, the field vLLM's reasoning parsers emit.
export const openAiChatResponder: DialectResponder = {
  dialect: 'openai-chat',

  validate(body) {
    if (typeof body.model !== 'string') return 'you must provide a model parameter';
    if (!Array.isArray(body.messages)) return "Missing required parameter: 'messages'.";
    return undefined;
  },

  errorBody: openAiErrorBody,

  headers: () => ({ 'x-request-id': randomId('req_', 32, 'hex') }),

  responseBody(plan, request) {
    const message: Record<string, unknown> = {
      role: 'assistant',
      content: plan.text === '' && plan.toolCalls.length > 0 ? null : plan.text,
      refusal: null,
      annotations: [],
    };
    if (plan.thinking !== undefined) message.reasoning_content = plan.thinking;
    if (plan.toolCalls.length > 0) {
      message.tool_calls = plan.toolCalls.map((call) => ({
        id: randomId('call_', 24),
        type: 'function',
        function: { name: call.name, arguments: JSON.stringify(call.arguments) },
      }));
    }
    return {
      id: randomId('chatcmpl-', 29),
      object: 'chat.completion',
      created: nowSeconds(),
      model: request.model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason }],
      usage: openAiChatUsage(plan),
      system_fingerprint: null,
    };
  },

  streamFrames(plan, request) {
    return openAiChatStreamFrames(plan, request);
  },

  streamErrorFrame(error: EmulatedError) {
    return sseFrame(openAiErrorBody(error)).text;
  },
};

/** The chunks of a streamed completion: role, reasoning, content, tool call deltas, finish, usage (when asked), [DONE]. */
function openAiChatStreamFrames(plan: ReplyPlan, request: ResponderRequest): SseFrame[] {
  const streamOptions = request.body.stream_options as { include_usage?: unknown } | undefined;
  const includeUsage = streamOptions?.include_usage === true;
  const base = { id: randomId('chatcmpl-', 29), object: 'chat.completion.chunk', created: nowSeconds(), model: request.model, system_fingerprint: null };
  // With include_usage every chunk carries `usage: null` and one extra chunk with empty choices carries the totals.
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(includeUsage ? { usage: null } : {}),
  });

  const frames: SseFrame[] = [sseFrame(chunk({ role: 'assistant', content: '', refusal: null }))];
  for (const piece of splitText(plan.thinking ?? '')) frames.push(sseFrame(chunk({ reasoning_content: piece }), undefined, true));
  for (const piece of splitText(plan.text, plan.textChunks)) frames.push(sseFrame(chunk({ content: piece }), undefined, true));
  plan.toolCalls.forEach((call, index) => {
    const opening = { index, id: randomId('call_', 24), type: 'function', function: { name: call.name, arguments: '' } };
    frames.push(sseFrame(chunk({ tool_calls: [opening] }), undefined, true));
    for (const fragment of splitText(JSON.stringify(call.arguments), TOOL_ARGUMENT_FRAGMENTS)) {
      frames.push(sseFrame(chunk({ tool_calls: [{ index, function: { arguments: fragment } }] }), undefined, true));
    }
  });
  frames.push(sseFrame(chunk({}, plan.finishReason)));
  if (includeUsage) frames.push(sseFrame({ ...base, choices: [], usage: openAiChatUsage(plan) }));
  frames.push(sseFrame('[DONE]'));
  return frames;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
