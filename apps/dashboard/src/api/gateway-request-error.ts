import { type ValidationIssue } from '@gatehouse/contracts';

/**
 * A call to the gateway that did not produce the expected answer: unreachable, an error status, or a body of the
 * wrong shape. `issues` holds each bad field's path and message when the gateway refused a body or query (400).
 */
export class GatewayRequestError extends Error {
  constructor(
    readonly path: string,
    readonly status: number | undefined,
    message: string,
    readonly issues: readonly ValidationIssue[] = [],
  ) {
    super(message);
    this.name = 'GatewayRequestError';
  }
}
