import { Transform } from 'node:stream';
import { encodeSseEvent } from './encode-sse-event';
import { type SseEvent } from './sse-event';

/** `SseEvent` objects in, UTF-8 bytes out. */
export function sseEncodeTransform(): Transform {
  return new Transform({
    writableObjectMode: true,
    readableObjectMode: false,
    transform(event: SseEvent, _encoding, callback) {
      let frame: string;
      try {
        frame = encodeSseEvent(event);
      } catch (error) {
        callback(error as Error);
        return;
      }
      callback(null, frame);
    },
  });
}
