import { type EmulatorBehaviour } from './behaviour';

const MARKER = '[[emulate';

export interface FoundDirective {
  behaviour: EmulatorBehaviour;
  /** The text with the directive cut out, trimmed. */
  remainingText: string;
}

/**
 * Finds `[[emulate {...json...}]]` in a prompt. The JSON object is delimited by matching braces (strings respected),
 * so arrays ending in `]]` inside it do not cut it short. A directive whose JSON does not parse is ignored.
 */
export function findDirective(text: string): FoundDirective | undefined {
  let from = 0;
  for (;;) {
    const start = text.indexOf(MARKER, from);
    if (start < 0) return undefined;
    from = start + MARKER.length;
    const open = text.indexOf('{', from);
    if (open < 0 || text.slice(from, open).trim() !== '') continue;
    const close = matchingBrace(text, open);
    if (close < 0) continue;
    const rest = text.slice(close + 1);
    const trailing = rest.match(/^\s*\]\]/);
    if (!trailing) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.slice(open, close + 1));
    } catch {
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) continue;
    const end = close + 1 + trailing[0].length;
    return { behaviour: parsed as EmulatorBehaviour, remainingText: (text.slice(0, start) + text.slice(end)).trim() };
  }
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{') {
      depth++;
    } else if (char === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
