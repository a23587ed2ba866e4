import { type Dialect } from '@gatehouse/translate';

/** The dialect an error must be written in, from the path alone (for failures before a route handler runs). */
export function dialectOfPath(url: string): Dialect {
  if (url.startsWith('/v1/messages')) return 'anthropic-messages';
  if (url.startsWith('/v1/responses')) return 'openai-responses';
  return 'openai-chat';
}
