import { type CanonicalMessage } from '../canonical/canonical-request';

/** Anthropic's pattern for tool_use ids (`tool_use.id`, `tool_result.tool_use_id`). */
const ANTHROPIC_TOOL_ID = /^[a-zA-Z0-9_-]+$/;

/**
 * Tool call ids from other families (`call.1`, `functions.get:0`, ...) that Anthropic would reject, each rewritten
 * once, the same way in the tool_use and in its tool_result; a rewrite never collides with an id already used.
 */
export class ToolIdMap {
  private readonly rewrites = new Map<string, string>();

  constructor(messages: readonly CanonicalMessage[]) {
    const ids: string[] = [];
    for (const message of messages) {
      for (const part of message.content) {
        if (part.type === 'tool_call') ids.push(part.id);
        else if (part.type === 'tool_result') ids.push(part.toolCallId);
      }
    }
    const taken = new Set(ids.filter((id) => ANTHROPIC_TOOL_ID.test(id)));
    for (const id of ids) {
      if (taken.has(id) || this.rewrites.has(id)) continue;
      const base = id.replace(/[^a-zA-Z0-9_-]/g, '_') || 'toolu';
      let candidate = base;
      for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${base}_${suffix}`;
      taken.add(candidate);
      this.rewrites.set(id, candidate);
    }
  }

  get rewriteCount(): number {
    return this.rewrites.size;
  }

  idFor(id: string): string {
    return this.rewrites.get(id) ?? id;
  }
}
