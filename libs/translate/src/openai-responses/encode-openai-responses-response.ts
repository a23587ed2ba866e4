import { type CanonicalResponse } from '../canonical/canonical-response';
import { type TranslationContext } from '../canonical/translation-context';
import { toolArgumentsText } from '../openai-chat/tool-arguments';
import { DEFAULT_OPENAI_RESPONSES_ECHO, type OpenAIResponsesEcho } from './openai-responses-echo';
import { type OpenAIResponsesOutputItemBody, outputTextPart, summaryTextPart } from './openai-responses-output-items';
import { openAIResponseObject, type OpenAIResponsesResponseBody } from './openai-responses-response-object';
import { openAIResponsesOutcome } from './openai-responses-status';
import { openAIResponsesUsage } from './openai-responses-usage';

/**
 * The canonical response → the `response` object a Responses client expects.
 * https://platform.openai.com/docs/api-reference/responses/object
 *
 * Output items in content order: consecutive thinking parts make one reasoning item (a summary part each, since the
 * thinking other targets show is what OpenAI calls a summary), consecutive text parts one assistant message (an
 * `output_text` part each), each tool call a function_call item whose `call_id` is the canonical tool call id.
 * Redacted thinking, signatures and citations have no place in it. A cut or withheld answer is `incomplete`, and so
 * is its last message or function call. `echo` carries the request fields the object repeats (see
 * `openAIResponsesEchoOf`); without it, OpenAI's defaults. The id is `ctx.newId('resp')`, the model the client's.
 */
export function encodeOpenAIResponsesResponse(
  response: CanonicalResponse,
  ctx: TranslationContext,
  echo: OpenAIResponsesEcho = DEFAULT_OPENAI_RESPONSES_ECHO,
): OpenAIResponsesResponseBody {
  const id = ctx.newId('resp');
  const outcome = openAIResponsesOutcome(response.stopReason);
  const output: OpenAIResponsesOutputItemBody[] = [];
  for (const part of response.content) {
    const last = output[output.length - 1];
    switch (part.type) {
      case 'text':
        if (last?.type === 'message') last.content.push(outputTextPart(part.text));
        else output.push({ id: ctx.newId('msg'), type: 'message', status: 'completed', role: 'assistant', content: [outputTextPart(part.text)] });
        break;
      case 'thinking':
        if (last?.type === 'reasoning') last.summary.push(summaryTextPart(part.text));
        else output.push({ id: ctx.newId('rs'), type: 'reasoning', summary: [summaryTextPart(part.text)] });
        break;
      case 'tool_call':
        output.push({
          id: ctx.newId('fc'),
          type: 'function_call',
          status: 'completed',
          arguments: toolArgumentsText(part.arguments),
          call_id: part.id,
          name: part.name,
        });
        break;
      default:
        break; // redacted thinking, images, documents and tool results have no place in a response's output
    }
  }
  const last = output[output.length - 1];
  if (outcome.status === 'incomplete' && last && last.type !== 'reasoning') last.status = 'incomplete';
  return openAIResponseObject({
    id,
    createdAt: Math.floor(ctx.now() / 1000),
    model: ctx.requestModel,
    status: outcome.status,
    incompleteDetails: outcome.incomplete_details,
    output,
    usage: openAIResponsesUsage(response.usage),
    echo,
  });
}
