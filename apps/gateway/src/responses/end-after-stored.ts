import { Transform, type TransformCallback } from 'node:stream';

/**
 * Passes a streamed answer through as it comes, but holds its end until `store()` has settled, so that a client that
 * saw the stream end can use the response at once: read it back, or continue it through previous_response_id on any
 * gateway process. `store` runs once the whole answer went through; it must settle in bounded time and never reject.
 */
export class EndAfterStored extends Transform {
  constructor(private readonly store: () => Promise<void>) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    void this.store().then(() => callback());
  }
}
