/** About four characters a token, never below one: deterministic and close enough for accounting tests. */
export function estimateTokens(characters: number): number {
  return Math.max(1, Math.ceil(characters / 4));
}
