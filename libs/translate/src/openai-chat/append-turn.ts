import { type CanonicalMessage, type ContentPart } from '../canonical/canonical-request';

/**
 * Adds parts as a turn of `role`, merged into the previous turn when that has the same role, so that canonical
 * messages alternate as Anthropic requires (consecutive `tool` messages, or a `tool` then a `user` message, make one user turn).
 * `messages` is the decoder's own array, never a caller's.
 */
export function appendTurn(messages: CanonicalMessage[], role: CanonicalMessage['role'], parts: ContentPart[]): void {
  if (parts.length === 0) return;
  const last = messages[messages.length - 1];
  if (last?.role === role) last.content.push(...parts);
  else messages.push({ role, content: [...parts] });
}
