import { Transform, type TransformCallback } from 'node:stream';
import { type SseEvent, SseDecoder, encodeSseEvent } from '@gatehouse/sse';
import {
  type CanonicalStreamEvent,
  GatewayError,
  type StreamEncoder,
  type StreamMachine,
  type TokenUsage,
  isGatewayError,
} from '@gatehouse/translate';
import { HeldOutput } from './held-output';

/** Events that carry nothing a client would miss if the attempt were replaced: held until the first content. */
function isLifecycle(event: CanonicalStreamEvent): boolean {
  if (event.type === 'start' || event.type === 'usage') return true;
  return event.type === 'block_start' && (event.block.type === 'text' || event.block.type === 'thinking');
}

/**
 * Upstream SSE bytes → the upstream dialect's decoder → canonical events → the client dialect's encoder → SSE bytes.
 * Each upstream chunk is translated and written as it arrives; nothing waits for the end of the response, except
 * that the first frames are held until the first content (see HeldOutput), so an early failure can fall over.
 */
export class TranslatingStream extends Transform {
  private readonly sse = new SseDecoder();
  private readonly held = new HeldOutput((chunk) => this.push(chunk));
  private finished = false;
  /** A failure after the first content: the client's stream ended with an error event. */
  lateFailure?: GatewayError;

  constructor(
    private readonly decoder: StreamMachine<SseEvent, CanonicalStreamEvent>,
    private readonly encoder: StreamEncoder,
  ) {
    super();
  }

  get usage(): TokenUsage {
    return this.encoder.usage;
  }

  /** Resolves once output flows to the client; rejects when the upstream failed before any content. */
  get committed(): Promise<void> {
    return this.held.committed;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.finished) this.translate(() => this.sse.push(chunk).flatMap((event) => this.decoder.push(event)));
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (!this.finished) {
      this.translate(() => [...this.sse.end().flatMap((event) => this.decoder.push(event)), ...this.decoder.end()]);
      if (!this.finished) this.emitFrames(this.encoder.end(), true);
    }
    this.held.release();
    callback();
  }

  /**
   * The upstream failed. Before any content, nothing has been sent and the failure goes to `committed` (another
   * target may be tried); after, the client's stream ends with an error event in its dialect.
   */
  fail(error: GatewayError): void {
    if (this.finished) return;
    this.failWith(error);
    this.end();
  }

  private translate(canonicalEvents: () => CanonicalStreamEvent[]): void {
    let out = '';
    let hasContent = false;
    try {
      for (const event of canonicalEvents()) {
        if (event.type === 'error') {
          this.held.write(out, hasContent);
          return this.failWith(event.error);
        }
        if (!isLifecycle(event)) hasContent = true;
        for (const frame of this.encoder.push(event)) out += encodeSseEvent(frame);
      }
    } catch (thrown) {
      this.held.write(out, hasContent);
      const error = isGatewayError(thrown) ? thrown : new GatewayError('upstream', 'The upstream stream could not be translated', { cause: thrown });
      return this.failWith(error);
    }
    if (out) this.held.write(out, hasContent);
  }

  private failWith(error: GatewayError): void {
    this.finished = true;
    if (this.held.failEarly(error)) return;
    this.lateFailure = error;
    this.emitFrames([...this.encoder.push({ type: 'error', error }), ...this.encoder.end()], true);
  }

  private emitFrames(frames: SseEvent[], hasContent: boolean): void {
    let out = '';
    for (const frame of frames) out += encodeSseEvent(frame);
    if (out) this.held.write(out, hasContent);
  }
}
