import { GatewayRequestError } from './gateway-request-error';
import { requestJson } from './request-json';

export interface ModelSummary {
  id: string;
  ownedBy: string | undefined;
}

const modelsPath = '/v1/models';

/** The configured model names, read from the OpenAI list format `{object:"list", data:[{id, object:"model", owned_by}]}`. */
export async function fetchModelList(signal: AbortSignal): Promise<ModelSummary[]> {
  const body = await requestJson(modelsPath, signal);
  if (typeof body !== 'object' || body === null || !('data' in body) || !Array.isArray(body.data)) {
    throw new GatewayRequestError(modelsPath, 200, 'The model list is not in the OpenAI list format.');
  }
  return body.data.flatMap((entry: unknown): ModelSummary[] => {
    if (typeof entry !== 'object' || entry === null || !('id' in entry) || typeof entry.id !== 'string') return [];
    const ownedBy = 'owned_by' in entry && typeof entry.owned_by === 'string' ? entry.owned_by : undefined;
    return [{ id: entry.id, ownedBy }];
  });
}
