import { type OpenAIChatRequest } from '@gatehouse/wire';
import { type CanonicalTool, type ToolChoice } from '../canonical/canonical-request';
import { asJsonObject, asString } from './read-json';
import { type WarningSet } from './warning-set';

// https://platform.openai.com/docs/api-reference/chat/create#chat-create-tools

/** A tool without parameters still needs an object schema on Anthropic. */
const NO_PARAMETERS = { type: 'object', properties: {} };

/** `tools` (or the deprecated `functions`) → canonical tools; custom (free-text) tools have no counterpart. */
export function decodeOpenAIChatTools(body: OpenAIChatRequest, warnings: WarningSet): CanonicalTool[] | undefined {
  if (body.tools) {
    const tools: CanonicalTool[] = [];
    for (const tool of body.tools) {
      const fn = tool.type === 'function' ? asJsonObject((tool as Record<string, unknown>).function) : undefined;
      if (!fn) {
        warnings.add(`dropped tools of type "${String(tool.type)}": only function tools translate`);
        continue;
      }
      tools.push(canonicalTool(fn));
    }
    return tools;
  }
  const functions = body.functions;
  if (Array.isArray(functions)) {
    return functions.flatMap((fn) => {
      const definition = asJsonObject(fn);
      return definition ? [canonicalTool(definition)] : [];
    });
  }
  return undefined;
}

function canonicalTool(fn: Record<string, unknown>): CanonicalTool {
  const tool: CanonicalTool = { name: String(fn.name), parameters: asJsonObject(fn.parameters) ?? NO_PARAMETERS };
  const description = asString(fn.description);
  if (description) tool.description = description;
  if (typeof fn.strict === 'boolean') tool.strict = fn.strict;
  return tool;
}

/** `tool_choice` (or the deprecated `function_call`) → canonical. */
export function decodeOpenAIChatToolChoice(body: OpenAIChatRequest, warnings: WarningSet): ToolChoice | undefined {
  const choice = body.tool_choice ?? (body.function_call as unknown);
  if (choice === undefined || choice === null) return undefined;
  if (typeof choice === 'string') {
    if (choice === 'auto' || choice === 'none' || choice === 'required') return { type: choice };
    warnings.add(`dropped tool_choice "${choice}": not a known choice`);
    return undefined;
  }
  const object = asJsonObject(choice) ?? {};
  switch (object.type) {
    case 'function':
      return { type: 'tool', name: String(asJsonObject(object.function)?.name) };
    case 'allowed_tools': {
      // The narrowed tool list has no counterpart; its mode does.
      warnings.add('dropped tool_choice.allowed_tools.tools: only its mode translates');
      return asJsonObject(object.allowed_tools)?.mode === 'required' ? { type: 'required' } : { type: 'auto' };
    }
    case undefined:
      // The deprecated `function_call: {"name": ...}`.
      if (typeof object.name === 'string') return { type: 'tool', name: object.name };
      break;
    default:
      break;
  }
  warnings.add(`dropped tool_choice of type "${String(object.type)}": no counterpart on other dialects`);
  return undefined;
}
