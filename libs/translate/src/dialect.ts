/** The wire dialects Gatehouse speaks, on the client side and the upstream side alike. */
export type Dialect = 'openai-chat' | 'openai-responses' | 'anthropic-messages';
