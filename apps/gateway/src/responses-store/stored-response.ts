import { type CanonicalMessage, type OpenAIResponsesItem, type TextPart } from '@gatehouse/translate';

/**
 * One turn of a conversation in canonical form: what its input said (system and developer messages apart, since
 * canonical system parts stand before the turns) and the turns it added, the answer included. It keeps what the
 * Responses format cannot carry (Anthropic's thinking signatures), so a conversation goes back to its provider whole.
 */
export interface StoredTurn {
  system: TextPart[];
  messages: CanonicalMessage[];
}

/** A response object (`OpenAIResponsesResponseBody`, or an upstream's own), stored whole as it went to the client. */
export interface StoredResponseObject {
  id: string;
  output?: unknown;
}

/** A stored response: what `GET /v1/responses/{id}` and `…/input_items` answer with, and one link of a conversation. */
export interface StoredResponse {
  /** The response id (`resp_…`). */
  id: string;
  /** The key's team, else the key id (see `responsesOwnerOf`), or '' when auth is open: another owner never sees it. */
  owner: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  previousResponseId?: string;
  /** Kept for the record; a next response does not inherit them (as OpenAI documents). */
  instructions?: string;
  /** This turn's input in Responses format, each item with an id, as `…/input_items` lists them. */
  inputItems: OpenAIResponsesItem[];
  /** The response object as it was returned to the client. */
  response: StoredResponseObject;
  turn: StoredTurn;
}
