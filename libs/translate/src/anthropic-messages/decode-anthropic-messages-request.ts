import {
  type AnthropicMessagesRequest,
  type AnthropicOutputConfig,
  type AnthropicThinkingConfig,
  type AnthropicTool,
  type AnthropicToolChoice,
} from '@gatehouse/wire';
import {
  type CanonicalMessage,
  type CanonicalRequest,
  type CanonicalTool,
  type ContentPart,
  type ReasoningEffort,
  type TextPart,
  type Thinking,
  type ToolChoice,
} from '../canonical/canonical-request';
import { type TranslationContext, type Translated } from '../canonical/translation-context';
import { GatewayError } from '../gateway-error';
import { decodeAnthropicContentBlock, decodeCacheControl, decodeTextBlock } from './decode-anthropic-content';
import { WarningList } from './warning-list';

// https://docs.claude.com/en/api/messages

const ANTHROPIC_ONLY = 'no counterpart outside Anthropic';

/** Top-level fields read below; any other field (context_management, container, mcp_servers, ...) is dropped with a warning. */
const knownFields = new Set([
  'model',
  'messages',
  'system',
  'max_tokens',
  'metadata',
  'stop_sequences',
  'stream',
  'temperature',
  'top_p',
  'top_k',
  'tools',
  'tool_choice',
  'thinking',
  'output_config',
]);

const knownToolFields = new Set(['name', 'type', 'description', 'input_schema', 'cache_control', 'strict']);

/** A client's Messages request (already validated by `validateAnthropicMessagesRequest`) → canonical. */
export function decodeAnthropicMessagesRequest(
  body: AnthropicMessagesRequest,
  _ctx: TranslationContext,
): Translated<CanonicalRequest> {
  const warnings = new WarningList();
  for (const [field, value] of Object.entries(body)) {
    if (!knownFields.has(field) && value !== null && value !== undefined) warnings.add(`dropped "${field}": ${ANTHROPIC_ONLY}`);
  }

  const system = decodeSystem(body, warnings);
  const messages = decodeMessages(body, system, warnings);
  const request: CanonicalRequest = { model: body.model, system, messages, stream: body.stream === true, maxTokens: body.max_tokens };

  const tools = decodeTools(body.tools, warnings);
  if (tools.length > 0) request.tools = tools;
  if (body.tool_choice) decodeToolChoice(body.tool_choice, tools, request, warnings);

  if (typeof body.temperature === 'number') request.temperature = body.temperature;
  if (typeof body.top_p === 'number') request.topP = body.top_p;
  if (typeof body.top_k === 'number') request.topK = body.top_k;
  if (body.stop_sequences && body.stop_sequences.length > 0) request.stopSequences = [...body.stop_sequences];

  if (body.thinking) {
    const thinking = decodeThinking(body.thinking, warnings);
    if (thinking) request.thinking = thinking;
  }
  if (body.output_config) decodeOutputConfig(body.output_config, request, warnings);

  if (body.metadata) {
    for (const [key, value] of Object.entries(body.metadata)) {
      if (key === 'user_id') {
        if (typeof value === 'string') request.user = value;
      } else if (value !== null && value !== undefined) {
        warnings.add(`dropped "metadata.${key}": ${ANTHROPIC_ONLY}`);
      }
    }
  }
  return { value: request, warnings: warnings.toArray() };
}

function decodeSystem(body: AnthropicMessagesRequest, warnings: WarningList): TextPart[] {
  if (typeof body.system === 'string') return body.system === '' ? [] : [{ type: 'text', text: body.system }];
  return (body.system ?? []).map((block) => decodeTextBlock(block, warnings));
}

function decodeMessages(body: AnthropicMessagesRequest, system: TextPart[], warnings: WarningList): CanonicalMessage[] {
  const messages: CanonicalMessage[] = [];
  body.messages.forEach((message, index) => {
    const role = message.role;
    if (role === 'system') {
      // Newer API versions take system turns inside `messages`; the canonical model keeps instructions in `system`.
      if (messages.length > 0) warnings.add(`moved system messages into "system": ${ANTHROPIC_ONLY} for a system turn mid-conversation`);
      if (typeof message.content === 'string') {
        if (message.content !== '') system.push({ type: 'text', text: message.content });
      } else {
        for (const block of message.content) if (block.type === 'text') system.push(decodeTextBlock(block, warnings));
      }
      return;
    }
    if (role !== 'user' && role !== 'assistant') {
      throw new GatewayError('invalid_request', `messages[${index}].role: expected "user" or "assistant", got ${JSON.stringify(role)}`, {
        param: `messages[${index}].role`,
      });
    }
    const content: ContentPart[] = [];
    if (typeof message.content === 'string') {
      if (message.content !== '') content.push({ type: 'text', text: message.content });
    } else {
      for (const block of message.content) {
        const part = decodeAnthropicContentBlock(block, warnings);
        if (part) content.push(part);
      }
    }
    // A turn that held only Anthropic-only blocks (a server tool call and its result) has nothing left to say.
    if (content.length > 0 || typeof message.content === 'string') messages.push({ role, content });
  });
  return messages;
}

function isCustomTool(tool: AnthropicTool): boolean {
  return (tool.type === null || tool.type === undefined || tool.type === 'custom') && !!tool.input_schema;
}

function decodeTools(tools: AnthropicTool[] | null | undefined, warnings: WarningList): CanonicalTool[] {
  const decoded: CanonicalTool[] = [];
  const serverTools: string[] = [];
  for (const tool of tools ?? []) {
    if (!isCustomTool(tool)) {
      serverTools.push(tool.type ? `"${tool.name}" (${tool.type})` : `"${tool.name}"`);
      continue;
    }
    const canonical: CanonicalTool = { name: tool.name, parameters: tool.input_schema ?? { type: 'object' } };
    if (typeof tool.description === 'string') canonical.description = tool.description;
    if (typeof tool.strict === 'boolean') canonical.strict = tool.strict;
    const cacheControl = decodeCacheControl(tool.cache_control, warnings);
    if (cacheControl) canonical.cacheControl = cacheControl;
    for (const [field, value] of Object.entries(tool)) {
      if (!knownToolFields.has(field) && value !== null && value !== undefined) warnings.add(`dropped "${field}" of tools: ${ANTHROPIC_ONLY}`);
    }
    decoded.push(canonical);
  }
  if (serverTools.length > 0) warnings.add(`dropped server tools ${serverTools.join(', ')}: only Anthropic runs them`);
  return decoded;
}

function decodeToolChoice(choice: AnthropicToolChoice, tools: CanonicalTool[], request: CanonicalRequest, warnings: WarningList): void {
  if ('disable_parallel_tool_use' in choice && choice.disable_parallel_tool_use === true) request.parallelToolCalls = false;
  let toolChoice: ToolChoice | undefined;
  switch (choice.type) {
    case 'auto':
      toolChoice = { type: 'auto' };
      break;
    case 'any':
      toolChoice = { type: 'required' };
      break;
    case 'none':
      toolChoice = { type: 'none' };
      break;
    case 'tool':
      if (tools.some((tool) => tool.name === choice.name)) toolChoice = { type: 'tool', name: choice.name };
      else warnings.add(`dropped tool_choice "${choice.name}": that tool was dropped`);
      break;
    default:
      warnings.add(`dropped tool_choice of type "${(choice as { type: string }).type}": ${ANTHROPIC_ONLY}`);
  }
  if (toolChoice && (tools.length > 0 || toolChoice.type === 'none')) request.toolChoice = toolChoice;
}

function decodeThinking(thinking: AnthropicThinkingConfig, warnings: WarningList): Thinking | undefined {
  if ('display' in thinking && thinking.display !== null && thinking.display !== undefined) {
    warnings.add(`dropped "thinking.display": ${ANTHROPIC_ONLY}`);
  }
  switch (thinking.type) {
    case 'enabled':
      return { type: 'enabled', budgetTokens: thinking.budget_tokens };
    case 'adaptive':
      return { type: 'adaptive' };
    case 'disabled':
      return { type: 'disabled' };
    default:
      warnings.add(`dropped thinking of type "${(thinking as { type: string }).type}": ${ANTHROPIC_ONLY}`);
      return undefined;
  }
}

/** Anthropic's effort levels → canonical; `max` has no canonical level above `xhigh`. */
const effortLevels: Record<string, ReasoningEffort> = { low: 'low', medium: 'medium', high: 'high', xhigh: 'xhigh', max: 'xhigh' };

function decodeOutputConfig(config: AnthropicOutputConfig, request: CanonicalRequest, warnings: WarningList): void {
  for (const [field, value] of Object.entries(config)) {
    if (value === null || value === undefined) continue;
    if (field === 'effort') {
      const effort = effortLevels[String(value)];
      if (!effort) warnings.add(`dropped output_config.effort "${String(value)}": unknown level`);
      else {
        request.reasoningEffort = effort;
        if (value === 'max') warnings.add(`output_config.effort "max" sent as reasoning effort "xhigh", the highest there is elsewhere`);
      }
    } else if (field === 'format' && config.format) {
      const format = config.format as { type: string; schema?: unknown };
      if (format.type === 'json_schema' && format.schema !== null && typeof format.schema === 'object') {
        request.responseFormat = { type: 'json_schema', name: 'response', schema: format.schema as Record<string, unknown> };
      } else {
        warnings.add(`dropped output_config.format of type "${format.type}": ${ANTHROPIC_ONLY}`);
      }
    } else {
      warnings.add(`dropped "output_config.${field}": ${ANTHROPIC_ONLY}`);
    }
  }
}
