import { type Transform } from 'node:stream';
import { machineTransform } from './machine-transform';
import { SseDecoder, type SseDecoderOptions } from './sse-decoder';

/** Bytes in (Buffers or strings), `SseEvent` objects out. */
export function sseDecodeTransform(options: SseDecoderOptions = {}): Transform {
  return machineTransform(new SseDecoder(options), { writableObjectMode: false, readableObjectMode: true });
}
