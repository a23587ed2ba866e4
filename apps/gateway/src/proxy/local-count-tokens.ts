import { dialectCodecs, emptyUsage } from '@gatehouse/translate';
import { countRequestTokens } from '../token-count/local-token-counter';
import { type InboundRequest } from './inbound-request';
import { type ProxiedAnswer } from './proxied-answer';
import { translationContextFor } from './translation-context-factory';

/** Anthropic's count_tokens answered by the gateway itself, for targets that have no such endpoint. */
export async function countTokensLocally(inbound: InboundRequest, requestModel: string): Promise<ProxiedAnswer> {
  const decoded = dialectCodecs['anthropic-messages']!.decodeRequest(inbound.json, translationContextFor(requestModel));
  const inputTokens = await countRequestTokens(decoded.value);
  return {
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({ input_tokens: inputTokens }),
    committed: Promise.resolve(),
    warnings: ['token count estimated locally with the o200k tokenizer'],
    usage: emptyUsage,
  };
}
