import { anthropicErrorBody } from './error-bodies';
import { type Exchange } from './exchange';
import { requestTextCharacters } from './request-text';
import { sendJson } from './send-json';
import { estimateTokens } from './token-estimate';

/** https://docs.anthropic.com/en/api/messages-count-tokens — the same estimate the messages endpoint reports as input. */
export function answerCountTokens(exchange: Exchange): void {
  const body = exchange.body;
  if (!exchange.bodyIsJson || typeof body !== 'object' || body === null || Array.isArray(body)) {
    sendJson(exchange.res, 400, anthropicErrorBody({ status: 400, message: 'The request body is not valid JSON.' }));
    return;
  }
  const fields = body as Record<string, unknown>;
  if (!Array.isArray(fields.messages)) {
    sendJson(exchange.res, 400, anthropicErrorBody({ status: 400, message: 'messages: Field required' }));
    return;
  }
  sendJson(exchange.res, 200, { input_tokens: estimateTokens(requestTextCharacters(fields)) });
}
