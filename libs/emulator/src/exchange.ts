import { type IncomingMessage, type ServerResponse } from 'node:http';

/** One request being answered: the parsed body and a way to drop the connection on purpose. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  /** The parsed JSON body; undefined when empty or not JSON. */
  body: unknown;
  bodyIsJson: boolean;
  /** Destroys the socket without answering, and marks the record as not aborted by the client. */
  disconnect(): void;
}
