import { createHash } from 'node:crypto';

/** OpenAI answers a longer `user` with 400 "Invalid 'user': string too long. Expected a string with maximum length 64". */
export const OPENAI_USER_MAX_LENGTH = 64;

export const USER_DIGEST_WARNING = `sent "user" as its SHA-256 digest: openai-chat targets take at most ${OPENAI_USER_MAX_LENGTH} characters`;

/**
 * The `user` for an OpenAI-compatible target: as it is when it fits, else its SHA-256 hex digest, which is exactly
 * 64 characters and still one stable identifier per end user. Claude Code's `metadata.user_id` is a JSON object of
 * about 150 characters, so without this every Claude Code request to OpenAI would fail.
 */
export function openAIUserField(user: string): { user: string; warning?: string } {
  if (user.length <= OPENAI_USER_MAX_LENGTH) return { user };
  return { user: createHash('sha256').update(user).digest('hex'), warning: USER_DIGEST_WARNING };
}
