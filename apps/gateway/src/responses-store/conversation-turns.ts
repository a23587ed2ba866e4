import { type CanonicalMessage, type ContentPart } from '@gatehouse/translate';

/**
 * Appends turns to a conversation, merging a turn into the last one when both have the same role, so that the
 * canonical conversation keeps alternating. The appended turns' parts are copied into new turns, never shared.
 */
export function appendTurns(conversation: CanonicalMessage[], turns: readonly { role: CanonicalMessage['role']; content: readonly ContentPart[] }[]): void {
  for (const turn of turns) {
    if (turn.content.length === 0) continue;
    const last = conversation[conversation.length - 1];
    if (last?.role === turn.role) last.content = [...last.content, ...turn.content];
    else conversation.push({ role: turn.role, content: [...turn.content] });
  }
}
