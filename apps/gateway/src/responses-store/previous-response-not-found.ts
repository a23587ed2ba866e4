import { GatewayError } from '@gatehouse/translate';

/** OpenAI's answer to an unknown (or expired, or another team's) `previous_response_id`: 400, naming the field. */
export function previousResponseNotFound(id: string): GatewayError {
  return new GatewayError('invalid_request', `Previous response with id '${id}' not found.`, { param: 'previous_response_id' });
}
