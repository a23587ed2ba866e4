// Fixed at start so that every listing agrees on the time the models appeared.
const listedAt = new Date();

/**
 * The configured model names as OpenAI lists models, or as Anthropic does when the client sent `anthropic-version`.
 * https://platform.openai.com/docs/api-reference/models/list, https://docs.anthropic.com/en/api/models-list
 */
export function modelList(names: readonly string[], anthropicFormat: boolean): unknown {
  if (anthropicFormat) {
    return {
      data: names.map((id) => ({ type: 'model', id, display_name: id, created_at: listedAt.toISOString() })),
      has_more: false,
      first_id: names[0] ?? null,
      last_id: names[names.length - 1] ?? null,
    };
  }
  const created = Math.floor(listedAt.getTime() / 1000);
  return { object: 'list', data: names.map((id) => ({ id, object: 'model', created, owned_by: 'gatehouse' })) };
}
