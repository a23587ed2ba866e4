import { type Exchange } from './exchange';
import { sendJson } from './send-json';

const CREATED_SECONDS = 1_735_689_600;

/** OpenAI's model list; Anthropic's shape when the caller sends `anthropic-version`. */
export function answerModels(exchange: Exchange, models: readonly string[]): void {
  if (exchange.req.headers['anthropic-version']) {
    // https://docs.anthropic.com/en/api/models-list
    const data = models.map((id) => ({ type: 'model', id, display_name: id, created_at: new Date(CREATED_SECONDS * 1000).toISOString() }));
    sendJson(exchange.res, 200, { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
    return;
  }
  // https://platform.openai.com/docs/api-reference/models/list
  const data = models.map((id) => ({ id, object: 'model', created: CREATED_SECONDS, owned_by: 'emulator' }));
  sendJson(exchange.res, 200, { object: 'list', data });
}
