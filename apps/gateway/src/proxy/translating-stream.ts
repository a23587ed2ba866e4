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

/**
 * Upstream SSE bytes → the upstream dialect's decoder → canonical events → the client dialect's encoder → SSE bytes.
 * Each upstream chunk is translated and written as it arrives; nothing waits for the end of the response.
 */
export class TranslatingStream extends Transform {
  private readonly sse = new SseDecoder();
  private finished = false;

  constructor(
    private readonly decoder: StreamMachine<SseEvent, CanonicalStreamEvent>,
    private readonly encoder: StreamEncoder,
  ) {
    super();
  }

  get usage(): TokenUsage {
    return this.encoder.usage;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.finished) return callback();
    this.translate(() => this.sse.push(chunk).flatMap((event) => this.decoder.push(event)));
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (!this.finished) {
      this.translate(() => [...this.sse.end().flatMap((event) => this.decoder.push(event)), ...this.decoder.end()]);
      this.finishWith(this.encoder.end());
    }
    callback();
  }

  /** Ends the client's stream with an error event in its dialect (the upstream failed after the first byte). */
  fail(error: GatewayError): void {
    if (this.finished) return;
    this.finishWith([...this.encoder.push({ type: 'error', error }), ...this.encoder.end()]);
    this.end();
  }

  private translate(canonicalEvents: () => CanonicalStreamEvent[]): void {
    let out = '';
    try {
      for (const event of canonicalEvents()) {
        if (this.finished) break;
        for (const frame of this.encoder.push(event)) out += encodeSseEvent(frame);
        if (event.type === 'error') {
          for (const frame of this.encoder.end()) out += encodeSseEvent(frame);
          this.finished = true;
        }
      }
    } catch (thrown) {
      const error = isGatewayError(thrown)
        ? thrown
        : new GatewayError('upstream', 'The upstream stream could not be translated', { cause: thrown });
      for (const frame of [...this.encoder.push({ type: 'error', error }), ...this.encoder.end()]) out += encodeSseEvent(frame);
      this.finished = true;
    }
    if (out) this.push(out);
  }

  private finishWith(frames: SseEvent[]): void {
    this.finished = true;
    let out = '';
    for (const frame of frames) out += encodeSseEvent(frame);
    if (out) this.push(out);
  }
}
