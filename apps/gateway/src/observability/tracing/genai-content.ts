import { type ClientEndpoint } from '../request-outcome';

/** A message part in the GenAI conventions' shape (gen_ai.input.messages). */
type Part =
  | { type: 'text'; content: string }
  | { type: 'reasoning'; content: string }
  | { type: 'tool_call'; id?: string; name?: string; arguments?: unknown }
  | { type: 'tool_call_response'; id?: string; response?: unknown }
  | { type: string };

interface Message {
  role: string;
  parts: Part[];
}

/** The prompt as the GenAI conventions record it: system instructions apart, then the messages in order. */
export interface GenAiInput {
  systemInstructions: Part[];
  messages: Message[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/**
 * Reads the messages of a client's request body into the conventions' shape
 * (https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-spans/ — gen_ai.input.messages, gen_ai.system_instructions).
 * Only used when telemetry.capture_content is on; a body that is not JSON gives nothing.
 */
export function genAiInputOf(endpoint: ClientEndpoint, body: unknown): GenAiInput | undefined {
  let json: Json;
  try {
    json = JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : String(body));
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  switch (endpoint) {
    case 'openai-chat':
      return openAIChatInput(json);
    case 'openai-responses':
      return openAIResponsesInput(json);
    case 'anthropic-messages':
    case 'anthropic-count-tokens':
      return anthropicInput(json);
  }
}

function openAIChatInput(json: Json): GenAiInput {
  const input: GenAiInput = { systemInstructions: [], messages: [] };
  for (const message of arrayOf(json.messages)) {
    if (message?.role === 'system' || message?.role === 'developer') {
      input.systemInstructions.push(...contentParts(message.content));
    } else if (message?.role === 'tool') {
      input.messages.push({ role: 'tool', parts: [{ type: 'tool_call_response', id: message.tool_call_id, response: message.content }] });
    } else if (message) {
      const parts = contentParts(message.content);
      for (const call of arrayOf(message.tool_calls)) {
        parts.push({ type: 'tool_call', id: call?.id, name: call?.function?.name, arguments: parsedOrText(call?.function?.arguments) });
      }
      input.messages.push({ role: String(message.role), parts });
    }
  }
  return input;
}

function anthropicInput(json: Json): GenAiInput {
  const input: GenAiInput = { systemInstructions: contentParts(json.system), messages: [] };
  for (const message of arrayOf(json.messages)) {
    if (message) input.messages.push({ role: String(message.role), parts: contentParts(message.content) });
  }
  return input;
}

function openAIResponsesInput(json: Json): GenAiInput {
  const input: GenAiInput = { systemInstructions: contentParts(json.instructions), messages: [] };
  if (typeof json.input === 'string') {
    input.messages.push({ role: 'user', parts: [{ type: 'text', content: json.input }] });
    return input;
  }
  for (const item of arrayOf(json.input)) {
    if (item?.type === 'function_call') {
      input.messages.push({ role: 'assistant', parts: [{ type: 'tool_call', id: item.call_id, name: item.name, arguments: parsedOrText(item.arguments) }] });
    } else if (item?.type === 'function_call_output') {
      input.messages.push({ role: 'tool', parts: [{ type: 'tool_call_response', id: item.call_id, response: item.output }] });
    } else if (item?.role === 'system' || item?.role === 'developer') {
      input.systemInstructions.push(...contentParts(item.content));
    } else if (item?.role) {
      input.messages.push({ role: String(item.role), parts: contentParts(item.content) });
    }
  }
  return input;
}

/** A content field of any of the dialects: a string, or an array of typed blocks. */
function contentParts(content: Json): Part[] {
  if (typeof content === 'string') return [{ type: 'text', content }];
  return arrayOf(content).map((block): Part => {
    switch (block?.type) {
      case 'text':
      case 'input_text':
      case 'output_text':
        return { type: 'text', content: String(block.text ?? '') };
      case 'thinking':
        return { type: 'reasoning', content: String(block.thinking ?? '') };
      case 'tool_use':
        return { type: 'tool_call', id: block.id, name: block.name, arguments: block.input };
      case 'tool_result':
        return { type: 'tool_call_response', id: block.tool_use_id, response: block.content };
      default:
        // Images, documents and the like are named, not copied: they can be megabytes.
        return { type: String(block?.type ?? 'unknown') };
    }
  });
}

function arrayOf(value: Json): Json[] {
  return Array.isArray(value) ? value : [];
}

function parsedOrText(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
