import { type EmulatedError } from './behaviour';
import { type DialectResponder, type ResponderRequest } from './dialect-responder';
import { openAiErrorBody } from './error-bodies';
import { openAiResponsesUsage } from './openai-usage';
import { type ReplyPlan } from './reply-plan';
import { type SseFrame, sseFrame } from './sse-writer';
import { splitText } from './text-chunks';
import { randomId } from './wire-ids';

const ARGUMENT_FRAGMENTS = 3;

type OutputText = { type: 'output_text'; text: string; annotations: []; logprobs: [] };
type OutputItem =
  | { type: 'reasoning'; id: string; summary: Array<{ type: 'summary_text'; text: string }> }
  | { type: 'message'; id: string; status: string; role: 'assistant'; content: OutputText[] }
  | { type: 'function_call'; id: string; status: string; arguments: string; call_id: string; name: string };

// https://platform.openai.com/docs/api-reference/responses/create and /responses-streaming
export const openAiResponsesResponder: DialectResponder = {
  dialect: 'openai-responses',

  validate(body) {
    return typeof body.model === 'string' ? undefined : "Missing required parameter: 'model'.";
  },

  errorBody: openAiErrorBody,

  headers: () => ({ 'x-request-id': randomId('req_', 32, 'hex') }),

  responseBody(plan, request) {
    return responseObject(plan, request, randomId('resp_', 50, 'hex'), outputItems(plan), 'final');
  },

  streamFrames(plan, request) {
    return responsesStreamFrames(plan, request);
  },

  streamErrorFrame(error: EmulatedError, framesWritten: number) {
    const { error: detail } = openAiErrorBody(error);
    return sseFrame(
      { type: 'error', sequence_number: framesWritten, code: detail.code ?? detail.type, message: detail.message, param: null },
      'error',
    ).text;
  },
};

function outputItems(plan: ReplyPlan): OutputItem[] {
  const items: OutputItem[] = [];
  if (plan.thinking !== undefined) {
    items.push({ type: 'reasoning', id: randomId('rs_', 50, 'hex'), summary: [{ type: 'summary_text', text: plan.thinking }] });
  }
  if (plan.text !== '' || plan.toolCalls.length === 0) {
    items.push({
      type: 'message',
      id: randomId('msg_', 50, 'hex'),
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: plan.text, annotations: [], logprobs: [] }],
    });
  }
  for (const call of plan.toolCalls) {
    items.push({
      type: 'function_call',
      id: randomId('fc_', 50, 'hex'),
      status: 'completed',
      arguments: JSON.stringify(call.arguments),
      call_id: randomId('call_', 24),
      name: call.name,
    });
  }
  return items;
}

function responseObject(plan: ReplyPlan, request: ResponderRequest, id: string, output: OutputItem[], stage: 'opening' | 'final') {
  const body = request.body;
  const incompleteReason = plan.stopReason === 'max_tokens' ? 'max_output_tokens' : plan.stopReason === 'refusal' ? 'content_filter' : undefined;
  const finalStatus = incompleteReason ? 'incomplete' : 'completed';
  return {
    id,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: stage === 'opening' ? 'in_progress' : finalStatus,
    background: false,
    error: null,
    incomplete_details: stage === 'final' && incompleteReason ? { reason: incompleteReason } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: request.model,
    output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: { effort: (body.reasoning as { effort?: unknown } | undefined)?.effort ?? null, summary: null },
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: body.text ?? { format: { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: body.truncation ?? 'disabled',
    usage: stage === 'opening' ? null : openAiResponsesUsage(plan),
    user: body.user ?? null,
    metadata: body.metadata ?? {},
  };
}

/** The documented event order; every event carries its `sequence_number`, counted from 0. */
function responsesStreamFrames(plan: ReplyPlan, request: ResponderRequest): SseFrame[] {
  const frames: SseFrame[] = [];
  const emit = (type: string, fields: Record<string, unknown>, content = false): void => {
    frames.push(sseFrame({ type, sequence_number: frames.length, ...fields }, type, content));
  };
  const id = randomId('resp_', 50, 'hex');
  const items = outputItems(plan);
  const opening = responseObject(plan, request, id, [], 'opening');
  emit('response.created', { response: opening });
  emit('response.in_progress', { response: opening });

  items.forEach((item, output_index) => {
    const item_id = item.id;
    switch (item.type) {
      case 'reasoning': {
        const text = item.summary[0]?.text ?? '';
        const place = { item_id, output_index, summary_index: 0 };
        emit('response.output_item.added', { output_index, item: { ...item, summary: [] } });
        emit('response.reasoning_summary_part.added', { ...place, part: { type: 'summary_text', text: '' } });
        for (const delta of splitText(text)) emit('response.reasoning_summary_text.delta', { ...place, delta }, true);
        emit('response.reasoning_summary_text.done', { ...place, text });
        emit('response.reasoning_summary_part.done', { ...place, part: { type: 'summary_text', text } });
        break;
      }
      case 'message': {
        const part = item.content[0];
        const place = { item_id, output_index, content_index: 0 };
        emit('response.output_item.added', { output_index, item: { ...item, status: 'in_progress', content: [] } });
        emit('response.content_part.added', { ...place, part: { ...part, text: '' } });
        for (const delta of splitText(part.text, plan.textChunks)) emit('response.output_text.delta', { ...place, delta, logprobs: [] }, true);
        emit('response.output_text.done', { ...place, text: part.text, logprobs: [] });
        emit('response.content_part.done', { ...place, part });
        break;
      }
      case 'function_call': {
        emit('response.output_item.added', { output_index, item: { ...item, status: 'in_progress', arguments: '' } });
        for (const delta of splitText(item.arguments, ARGUMENT_FRAGMENTS)) {
          emit('response.function_call_arguments.delta', { item_id, output_index, delta }, true);
        }
        emit('response.function_call_arguments.done', { item_id, output_index, name: item.name, arguments: item.arguments });
        break;
      }
    }
    emit('response.output_item.done', { output_index, item });
  });

  const final = responseObject(plan, request, id, items, 'final');
  emit(final.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response: final });
  return frames;
}
