/** A call to the gateway that did not produce the expected JSON: unreachable, an error status, or a body of the wrong shape. */
export class GatewayRequestError extends Error {
  constructor(
    readonly path: string,
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayRequestError';
  }
}
