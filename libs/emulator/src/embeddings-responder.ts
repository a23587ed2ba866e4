import { openAiErrorBody } from './error-bodies';
import { type Exchange } from './exchange';
import { hashedEmbedding } from './hashed-embedding';
import { sendJson } from './send-json';
import { estimateTokens } from './token-estimate';

const DEFAULT_DIMENSIONS = 256;
const MAX_DIMENSIONS = 4096;

// https://platform.openai.com/docs/api-reference/embeddings/create
export function answerEmbeddings(exchange: Exchange): void {
  const body = exchange.body as Record<string, unknown> | undefined;
  const inputs = body && typeof body === 'object' ? embeddingInputs(body.input) : undefined;
  if (!exchange.bodyIsJson || !inputs || typeof body?.model !== 'string') {
    const message = exchange.bodyIsJson ? "'input' and 'model' are required." : 'The request body is not valid JSON.';
    sendJson(exchange.res, 400, openAiErrorBody({ status: 400, message }));
    return;
  }
  const requested = body.dimensions;
  const dimensions =
    typeof requested === 'number' && Number.isInteger(requested) && requested > 0 && requested <= MAX_DIMENSIONS ? requested : DEFAULT_DIMENSIONS;
  // The official SDK asks for base64 by default: little-endian float32 bytes.
  const asBase64 = body.encoding_format === 'base64';
  const data = inputs.map((text, index) => {
    const vector = hashedEmbedding(text, dimensions);
    const embedding = asBase64 ? Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64') : Array.from(vector);
    return { object: 'embedding', index, embedding };
  });
  const tokens = inputs.reduce((sum, text) => sum + estimateTokens(text.length), 0);
  sendJson(exchange.res, 200, { object: 'list', data, model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
}

/** A string, strings, or token arrays (tokens joined as words so they still hash). */
function embeddingInputs(input: unknown): string[] | undefined {
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (input.every((item) => typeof item === 'number')) return [input.join(' ')];
  if (input.every((item) => typeof item === 'string')) return input as string[];
  if (input.every((item) => Array.isArray(item))) return input.map((tokens: unknown[]) => tokens.join(' '));
  return undefined;
}
