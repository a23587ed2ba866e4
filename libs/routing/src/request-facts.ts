import { type DomainGuess } from './domain';

export type ClientDialect = 'openai-chat' | 'openai-responses' | 'anthropic-messages';

/** What routing decisions can look at in a request, read once from its body, headers and key. */
export interface RequestFacts {
  /**
   * The text of the last user message that has text (its text parts joined). The system prompt is left out on
   * purpose: agents send the same long system prompt with every turn, and it would match the same keywords every time.
   */
  promptText: string;
  /** Any image anywhere in the conversation, so that a vision-capable model is chosen. */
  hasImages: boolean;
  /** Estimated input tokens of the whole request (system, messages, tools, images). */
  promptTokens: number;
  /** Header names lower-cased. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  dialect: ClientDialect;
  keyName?: string;
  team?: string;
  /** Computed on first use only: most decisions never need it. */
  domain(): DomainGuess;
}
