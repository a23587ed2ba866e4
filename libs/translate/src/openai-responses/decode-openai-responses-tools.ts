import { type OpenAIResponsesRequest } from '@gatehouse/wire';
import { type CanonicalTool, type ToolChoice } from '../canonical/canonical-request';
import { asJsonObject, asString, type JsonObject } from '../openai-chat/read-json';
import { type WarningSet } from '../openai-chat/warning-set';

// https://platform.openai.com/docs/api-reference/responses/create#responses-create-tools

/** A tool without parameters still needs an object schema on Anthropic. */
const NO_PARAMETERS = { type: 'object', properties: {} };

/**
 * `tools` → canonical tools. Function tools are flat here (`{type, name, parameters}`); built-in tools (web_search,
 * file_search, code_interpreter, computer_use, mcp, ...) run inside OpenAI and are dropped with a warning.
 */
export function decodeOpenAIResponsesTools(tools: OpenAIResponsesRequest['tools'], warnings: WarningSet): CanonicalTool[] | undefined {
  if (!tools) return undefined;
  const decoded: CanonicalTool[] = [];
  for (const entry of tools) {
    const tool = entry as JsonObject;
    if (tool.type !== 'function') {
      warnings.add(`dropped tools of type "${String(tool.type)}": built-in tools run inside OpenAI, other targets have none`);
      continue;
    }
    const canonical: CanonicalTool = { name: String(tool.name), parameters: asJsonObject(tool.parameters) ?? NO_PARAMETERS };
    const description = asString(tool.description);
    if (description) canonical.description = description;
    if (typeof tool.strict === 'boolean') canonical.strict = tool.strict;
    decoded.push(canonical);
  }
  return decoded;
}

/** `tool_choice` → canonical; a choice of a built-in tool has no counterpart. */
export function decodeOpenAIResponsesToolChoice(choice: OpenAIResponsesRequest['tool_choice'], warnings: WarningSet): ToolChoice | undefined {
  if (choice === undefined || choice === null) return undefined;
  if (typeof choice === 'string') {
    if (choice === 'auto' || choice === 'none' || choice === 'required') return { type: choice };
    warnings.add(`dropped tool_choice "${choice}": not a known choice`);
    return undefined;
  }
  const object = choice as JsonObject;
  switch (object.type) {
    case 'function':
      return { type: 'tool', name: String(object.name) };
    case 'allowed_tools':
      // The narrowed tool list has no counterpart; its mode does.
      warnings.add('dropped tool_choice.tools of allowed_tools: only its mode translates');
      return object.mode === 'required' ? { type: 'required' } : { type: 'auto' };
    default:
      warnings.add(`dropped tool_choice of type "${String(object.type)}": no counterpart on other dialects`);
      return undefined;
  }
}
