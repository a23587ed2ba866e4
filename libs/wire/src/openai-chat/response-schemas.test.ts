import { describe, expect, it } from 'vitest';
import { openAIChatChunkSchema } from './chunk';
import { openAIErrorBodySchema } from './error-body';
import { openAIChatResponseSchema } from './response';

// Shapes as in https://platform.openai.com/docs/api-reference/chat/object and .../chat-streaming/streaming
const completion = {
  id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
  object: 'chat.completion',
  created: 1741570283,
  model: 'gpt-4o-2024-08-06',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'The image shows a wooden boardwalk.', refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: 'stop',
    },
  ],
  usage: {
    prompt_tokens: 1117,
    completion_tokens: 46,
    total_tokens: 1163,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  },
  service_tier: 'default',
  system_fingerprint: 'fp_fc9f1d7035',
};

const toolCallCompletion = {
  ...completion,
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_abc123', type: 'function', function: { name: 'get_current_weather', arguments: '{\n"location": "Boston, MA"\n}' } }],
      },
      logprobs: null,
      finish_reason: 'tool_calls',
    },
  ],
};

const chunk = (delta: object, finishReason: string | null = null) => ({
  id: 'chatcmpl-123',
  object: 'chat.completion.chunk',
  created: 1694268190,
  model: 'gpt-4o-mini',
  system_fingerprint: 'fp_44709d6fcb',
  choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
});

const chunks = {
  'the role chunk': chunk({ role: 'assistant', content: '', refusal: null }),
  'a content chunk': chunk({ content: 'Hello' }),
  'the first tool call chunk': chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }] }),
  'a tool call arguments chunk': chunk({ tool_calls: [{ index: 0, function: { arguments: '{"loc' } }] }),
  'the finish chunk': chunk({}, 'stop'),
  'the usage chunk': { ...chunk({}), choices: [], usage: { prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 } },
  'a usage: null chunk': { ...chunk({ content: 'x' }), usage: null },
  'a vLLM reasoning chunk': chunk({ reasoning_content: 'Let me think' }),
  'an OpenRouter reasoning chunk': chunk({ reasoning: 'Let me think' }),
};

describe('OpenAI chat response schemas', () => {
  it.each([
    ['a text completion', completion],
    ['a tool call completion', toolCallCompletion],
  ])('parse %s', (_name, body) => {
    expect(openAIChatResponseSchema.parse(body)).toEqual(body);
  });

  it.each(Object.entries(chunks))('parse %s', (_name, body) => {
    expect(openAIChatChunkSchema.parse(body)).toEqual(body);
  });

  it('reject a completion whose content is not a string', () => {
    const bad = { ...completion, choices: [{ ...completion.choices[0], message: { role: 'assistant', content: 42 } }] };
    expect(openAIChatResponseSchema.safeParse(bad).success).toBe(false);
  });

  it('reject a chunk without choices and a chunk with a numeric content delta', () => {
    const { choices: _choices, ...withoutChoices } = chunk({});
    expect(openAIChatChunkSchema.safeParse(withoutChoices).success).toBe(false);
    expect(openAIChatChunkSchema.safeParse(chunk({ content: 1 })).success).toBe(false);
  });

  it('reject a completion object where a chunk is expected', () => {
    expect(openAIChatChunkSchema.safeParse(completion).success).toBe(false);
  });

  it.each([
    ['OpenAI', { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }],
    ['vLLM', { error: { message: 'The model `x` does not exist.', type: 'NotFoundError', param: null, code: 404 }, object: 'error' }],
  ])('parse an error body from %s', (_name, body) => {
    expect(openAIErrorBodySchema.parse(body)).toEqual(body);
  });

  it('reject an error body without a message', () => {
    expect(openAIErrorBodySchema.safeParse({ error: { type: 'x' } }).success).toBe(false);
  });
});
