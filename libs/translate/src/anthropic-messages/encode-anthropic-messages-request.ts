import {
  type CanonicalMessage,
  type CanonicalRequest,
  type CanonicalTool,
  type TextPart,
  type ToolChoice,
} from '../canonical/canonical-request';
import { type Translated } from '../canonical/translation-context';
import { anthropicCacheControl } from './anthropic-cache-control';
import { type AnthropicBlock, encodeAnthropicContentPart, encodeTextPart } from './encode-anthropic-content';
import { JSON_RESPONSE_TOOL_NAME } from './json-response-tool';
import { MIN_THINKING_BUDGET, anthropicEffortByEffort, thinkingBudgetByEffort } from './thinking-budget';
import { ToolIdMap } from './tool-id-map';
import { WarningList } from './warning-list';

// https://docs.claude.com/en/api/messages

export interface AnthropicMessagesRequestEncodeOptions {
  /** `max_tokens` when the request has none (Anthropic requires it): the model's configured default, else 4096. */
  defaultMaxTokens?: number;
  /**
   * How `response_format: json_schema` is asked for.
   * - `output_config` (default): Anthropic's structured outputs, `output_config.format` — the answer is the JSON text.
   *   Claude Sonnet 4.5, Opus 4.5, Haiku 4.5 and later.
   * - `tool`: a forced tool `json_response` whose input_schema is the schema, for older models; the gateway turns the
   *   call back into text with `unwrapJsonResponseTool` / `JsonResponseToolUnwrapper`. Tool `strict` flags are
   *   dropped in this mode, since those models do not take them either.
   */
  jsonSchemaMode?: 'output_config' | 'tool';
}

const DEFAULT_MAX_TOKENS = 4096;
/** Put before a conversation that opens with the assistant: Anthropic wants the user to speak first. */
const OPENING_USER_TEXT = '.';
const JSON_OBJECT_INSTRUCTION = 'Respond with a single valid JSON object and nothing else.';

type AnthropicMessage = { role: 'user' | 'assistant'; content: AnthropicBlock[] };
type ThinkingConfig = { type: 'enabled'; budget_tokens: number } | { type: 'adaptive' } | { type: 'disabled' };

/** Whether the encoded request asks for the JSON answer through the `json_response` tool (see `jsonSchemaMode`). */
export function encodesJsonSchemaAsTool(request: CanonicalRequest, options: AnthropicMessagesRequestEncodeOptions = {}): boolean {
  return request.responseFormat?.type === 'json_schema' && options.jsonSchemaMode === 'tool';
}

/** Canonical → the body of `POST /v1/messages` for an Anthropic upstream. */
export function encodeAnthropicMessagesRequest(
  request: CanonicalRequest,
  options: AnthropicMessagesRequestEncodeOptions = {},
): Translated<object> {
  const warnings = new WarningList();
  const body: Record<string, unknown> = { model: request.model };
  let maxTokens = request.maxTokens ?? options.defaultMaxTokens ?? DEFAULT_MAX_TOKENS;

  const systemParts = [...request.system];
  if (request.responseFormat?.type === 'json_object') {
    systemParts.push({ type: 'text', text: JSON_OBJECT_INSTRUCTION });
    warnings.add(`response_format json_object: Anthropic has no JSON mode, so the system prompt asks for JSON`);
  }
  const system = encodeSystem(systemParts);
  const messages = encodeMessages(request.messages, warnings);

  const toolMode = encodesJsonSchemaAsTool(request, options);
  const tools = (request.tools ?? []).map((tool) => encodeTool(tool, toolMode, warnings));
  let toolChoice = encodeToolChoice(request.toolChoice, request.parallelToolCalls, tools.length > 0, warnings);
  if (request.responseFormat?.type === 'json_schema') {
    const format = request.responseFormat;
    if (toolMode) {
      tools.push({
        name: JSON_RESPONSE_TOOL_NAME,
        description: format.description ?? `Give the answer as the input of this tool: a JSON object that matches its schema.`,
        input_schema: format.schema,
      });
      if (request.toolChoice && request.toolChoice.type !== 'auto') warnings.add(`tool_choice replaced: the JSON answer is a forced tool call`);
      toolChoice = { type: 'tool', name: JSON_RESPONSE_TOOL_NAME };
    } else {
      body.output_config = { format: { type: 'json_schema', schema: format.schema } };
    }
  }

  // Thinking: given explicitly, or derived from an OpenAI-style reasoning effort.
  let thinking: ThinkingConfig | undefined;
  if (request.thinking) {
    thinking =
      request.thinking.type === 'enabled' ? { type: 'enabled', budget_tokens: request.thinking.budgetTokens } : { type: request.thinking.type };
    if (request.reasoningEffort && request.thinking.type === 'adaptive') {
      body.output_config = { ...(body.output_config as object | undefined), effort: anthropicEffortByEffort[request.reasoningEffort] };
    } else if (request.reasoningEffort) {
      warnings.add(`dropped reasoning effort: thinking is set explicitly`);
    }
  } else if (request.reasoningEffort) {
    thinking = { type: 'enabled', budget_tokens: thinkingBudgetByEffort[request.reasoningEffort] };
  }

  let temperature = request.temperature;
  let topP = request.topP;
  let topK = request.topK;
  if (thinking && thinking.type !== 'disabled') {
    // https://docs.claude.com/en/docs/build-with-claude/extended-thinking — thinking does not go with forced tool use,
    // and the last assistant turn that called tools must open with its (signed) thinking.
    const forced = toolChoice?.type === 'any' || toolChoice?.type === 'tool';
    if (forced) {
      warnings.add(`dropped thinking: Anthropic does not allow it with a forced tool choice`);
      thinking = undefined;
    } else if (lastToolTurnLacksThinking(messages)) {
      warnings.add(`dropped thinking: the last assistant tool call has no signed thinking block, which Anthropic requires`);
      thinking = undefined;
    }
  }
  if (thinking && thinking.type !== 'disabled') {
    if (temperature !== undefined && temperature !== 1) {
      warnings.add(`dropped "temperature": Anthropic allows only 1 with thinking`);
      temperature = undefined;
    }
    if (topK !== undefined) {
      warnings.add(`dropped "top_k": Anthropic does not allow it with thinking`);
      topK = undefined;
    }
    if (topP !== undefined && topP < 0.95) {
      warnings.add(`dropped "top_p": Anthropic allows only 0.95 to 1 with thinking`);
      topP = undefined;
    }
    if (thinking.type === 'enabled') {
      if (thinking.budget_tokens < MIN_THINKING_BUDGET) {
        warnings.add(`thinking budget raised to ${MIN_THINKING_BUDGET}, Anthropic's minimum`);
        thinking = { type: 'enabled', budget_tokens: MIN_THINKING_BUDGET };
      }
      if (maxTokens <= thinking.budget_tokens) {
        // The budget counts toward max_tokens; the answer keeps the room the client asked for on top of it.
        const raised = thinking.budget_tokens + maxTokens;
        warnings.add(`max_tokens raised from ${maxTokens} to ${raised}: it must exceed the thinking budget of ${thinking.budget_tokens}`);
        maxTokens = raised;
      }
    }
  }

  body.max_tokens = maxTokens;
  if (system !== undefined) body.system = system;
  body.messages = messages;
  if (tools.length > 0) body.tools = tools;
  if (toolChoice) body.tool_choice = toolChoice;
  if (thinking) body.thinking = thinking;
  if (temperature !== undefined) body.temperature = temperature;
  if (topP !== undefined) body.top_p = topP;
  if (topK !== undefined) body.top_k = topK;
  if (request.stopSequences && request.stopSequences.length > 0) body.stop_sequences = [...request.stopSequences];
  if (request.user !== undefined) body.metadata = { user_id: request.user };
  if (request.stream) body.stream = true;

  if (request.seed !== undefined) warnings.add(`dropped "seed": Anthropic has no counterpart`);
  if (request.frequencyPenalty !== undefined) warnings.add(`dropped "frequency_penalty": Anthropic has no counterpart`);
  if (request.presencePenalty !== undefined) warnings.add(`dropped "presence_penalty": Anthropic has no counterpart`);
  if (request.metadata !== undefined) warnings.add(`dropped "metadata": Anthropic takes only a user id`);
  return { value: body, warnings: warnings.toArray() };
}

/** A string when nothing needs a block of its own (no cache_control, no citations), else text blocks. */
function encodeSystem(parts: TextPart[]): string | AnthropicBlock[] | undefined {
  const nonEmpty = parts.filter((part) => part.text !== '');
  if (nonEmpty.length === 0) return undefined;
  if (nonEmpty.every((part) => !part.cacheControl && !part.citations)) return nonEmpty.map((part) => part.text).join('\n\n');
  return nonEmpty.map((part) => encodeTextPart(part));
}

function encodeMessages(canonical: CanonicalMessage[], warnings: WarningList): AnthropicMessage[] {
  const ids = new ToolIdMap(canonical);
  if (ids.rewriteCount > 0) warnings.add(`rewrote ${ids.rewriteCount} tool call ids to match Anthropic's pattern ^[a-zA-Z0-9_-]+$`);

  // Consecutive turns of one role become one: Anthropic wants user and assistant to alternate.
  const merged: AnthropicMessage[] = [];
  let emptyMessages = 0;
  for (const message of canonical) {
    const blocks: AnthropicBlock[] = [];
    for (const part of message.content) {
      const block = encodeAnthropicContentPart(part, ids, warnings);
      if (block) blocks.push(block);
    }
    if (blocks.length === 0) {
      emptyMessages++;
      continue;
    }
    const previous = merged[merged.length - 1];
    if (previous && previous.role === message.role) previous.content.push(...blocks);
    else merged.push({ role: message.role, content: blocks });
  }
  if (emptyMessages > 0) warnings.add(`dropped ${emptyMessages} messages left empty: Anthropic rejects empty turns`);

  // tool_result blocks must open the user turn that answers the tool calls.
  for (const message of merged) {
    if (message.role !== 'user') continue;
    const results = message.content.filter((block) => block.type === 'tool_result');
    if (results.length > 0) message.content = [...results, ...message.content.filter((block) => block.type !== 'tool_result')];
  }

  if (merged.length === 0 || merged[0]!.role === 'assistant') {
    warnings.add(`added a user turn "${OPENING_USER_TEXT}" at the start: Anthropic wants the conversation to open with the user`);
    merged.unshift({ role: 'user', content: [{ type: 'text', text: OPENING_USER_TEXT }] });
  }
  return merged;
}

function lastToolTurnLacksThinking(messages: AnthropicMessage[]): boolean {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]!;
    if (message.role !== 'assistant') continue;
    if (!message.content.some((block) => block.type === 'tool_use')) return false;
    const first = message.content[0]!.type;
    return first !== 'thinking' && first !== 'redacted_thinking';
  }
  return false;
}

function encodeTool(tool: CanonicalTool, toolMode: boolean, warnings: WarningList): Record<string, unknown> {
  const encoded: Record<string, unknown> = { name: tool.name };
  if (tool.description !== undefined) encoded.description = tool.description;
  // Anthropic requires an object schema; OpenAI allows a tool without parameters.
  encoded.input_schema = Object.keys(tool.parameters).length === 0 ? { type: 'object', properties: {} } : tool.parameters;
  if (tool.strict === true) {
    if (toolMode) warnings.add(`dropped tool "strict": the json_response tool mode is for models without strict tools`);
    else encoded.strict = true;
  }
  return { ...encoded, ...anthropicCacheControl(tool.cacheControl) };
}

function encodeToolChoice(
  choice: ToolChoice | undefined,
  parallelToolCalls: boolean | undefined,
  hasTools: boolean,
  warnings: WarningList,
): Record<string, unknown> | undefined {
  if (!hasTools) {
    if (choice && choice.type !== 'none' && choice.type !== 'auto') warnings.add(`dropped tool_choice: the request has no tools`);
    return undefined;
  }
  const noParallel = parallelToolCalls === false ? { disable_parallel_tool_use: true } : {};
  switch (choice?.type) {
    case undefined:
      return parallelToolCalls === false ? { type: 'auto', ...noParallel } : undefined;
    case 'auto':
      return { type: 'auto', ...noParallel };
    case 'none':
      return { type: 'none' };
    case 'required':
      return { type: 'any', ...noParallel };
    case 'tool':
      return { type: 'tool', name: choice.name, ...noParallel };
    default: {
      const unreachable: never = choice;
      throw new Error(`unhandled tool choice ${JSON.stringify(unreachable)}`);
    }
  }
}
