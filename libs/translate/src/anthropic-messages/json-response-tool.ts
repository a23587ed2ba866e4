import { type CanonicalResponse } from '../canonical/canonical-response';
import { type CanonicalStreamEvent } from '../canonical/canonical-stream-event';
import { type StreamMachine } from '../canonical/translation-context';

/**
 * The tool that carries a JSON-schema answer when `jsonSchemaMode` is `tool` (Claude models older than structured
 * outputs): the request forces it, and these helpers turn its call back into the text answer the client asked for.
 */
export const JSON_RESPONSE_TOOL_NAME = 'json_response';

/** A non-streaming response: the `json_response` call becomes a text part holding its arguments as JSON. */
export function unwrapJsonResponseTool(response: CanonicalResponse): CanonicalResponse {
  let unwrapped = false;
  const content = response.content.map((part) => {
    if (part.type !== 'tool_call' || part.name !== JSON_RESPONSE_TOOL_NAME) return part;
    unwrapped = true;
    return { type: 'text' as const, text: JSON.stringify(part.arguments ?? {}) };
  });
  if (!unwrapped) return response;
  const otherToolCalls = content.some((part) => part.type === 'tool_call');
  const stopReason = response.stopReason === 'tool_use' && !otherToolCalls ? 'end_turn' : response.stopReason;
  return { ...response, content, stopReason };
}

/** The same for a stream: the `json_response` block streams as a text block, its argument fragments as text. */
export class JsonResponseToolUnwrapper implements StreamMachine<CanonicalStreamEvent, CanonicalStreamEvent> {
  private readonly unwrappedBlocks = new Set<number>();
  private otherToolCalls = false;

  push(event: CanonicalStreamEvent): CanonicalStreamEvent[] {
    switch (event.type) {
      case 'block_start':
        if (event.block.type !== 'tool_call') return [event];
        if (event.block.name !== JSON_RESPONSE_TOOL_NAME) {
          this.otherToolCalls = true;
          return [event];
        }
        this.unwrappedBlocks.add(event.index);
        return [{ type: 'block_start', index: event.index, block: { type: 'text' } }];
      case 'tool_arguments_delta':
        if (!this.unwrappedBlocks.has(event.index)) return [event];
        return event.json === '' ? [] : [{ type: 'text_delta', index: event.index, text: event.json }];
      case 'stop':
        if (event.stopReason === 'tool_use' && this.unwrappedBlocks.size > 0 && !this.otherToolCalls) {
          return [{ ...event, stopReason: 'end_turn' }];
        }
        return [event];
      default:
        return [event];
    }
  }

  end(): CanonicalStreamEvent[] {
    return [];
  }
}
