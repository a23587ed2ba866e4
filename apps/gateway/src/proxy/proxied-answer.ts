import { type Readable } from 'node:stream';
import { type CanonicalResponse, type GatewayError, type TokenUsage } from '@gatehouse/translate';
import { type ResponseDetails } from '../observability/request-outcome';

/** What the proxy writes back: a status, a content type and a body, already in the client's dialect. */
export interface ProxiedAnswer {
  status: number;
  contentType: string;
  body: Readable | string | Buffer;
  /** What translation dropped or changed on purpose. */
  warnings: readonly string[];
  /**
   * Resolves when the answer may be sent (at once for JSON; at the first content for streams); rejects when the
   * upstream failed before that, so another target can still be tried.
   */
  committed: Promise<void>;
  /** Token usage, final once the body has been written. */
  usage(): TokenUsage;
  /**
   * Once the body has been written: the whole answer as the client's dialect returns it unstreamed (and canonical,
   * when it was translated). Only the Responses API asks for it, to store the response.
   */
  completedResponse?(): { clientResponse: Record<string, unknown>; canonical?: CanonicalResponse } | undefined;
  /** A failure after the first content (the stream ended with an error event), known once the body has ended. */
  lateFailure?(): GatewayError | undefined;
  /** The upstream's response id, model and stop reason, as far as read once the body has been written. */
  details?(): ResponseDetails | undefined;
}
