import { type ServerResponse } from 'node:http';
import { pause } from './pause';
import { type SseFrame } from './sse-writer';

export interface StreamPacing {
  chunkDelayMs: number;
  disconnectAfterChunks: number | undefined;
  errorAfterChunks: number | undefined;
}

export interface StreamEnding {
  /** The error frame, given how many frames were written before it (Responses events number themselves). */
  errorFrame(framesWritten: number): string;
  /** Drops the connection on purpose (recorded as such, not as a client abort). */
  disconnect(): void;
}

/**
 * Writes frames with `chunkDelayMs` between content deltas. After N content deltas (before the next frame of any
 * kind; with N = 0, before the first content delta) it either destroys the socket or writes the error frame and ends.
 */
export async function playStream(res: ServerResponse, frames: SseFrame[], pacing: StreamPacing, ending: StreamEnding): Promise<void> {
  let contentWritten = 0;
  let framesWritten = 0;
  // Only a planned disconnect needs to know when the written frames left the process.
  let lastWrite: Promise<void> = Promise.resolve();
  for (const frame of frames) {
    if (res.destroyed) return;
    const cutoffReached = frame.content || contentWritten > 0;
    if (cutoffReached && pacing.disconnectAfterChunks !== undefined && contentWritten >= pacing.disconnectAfterChunks) {
      await lastWrite;
      ending.disconnect();
      return;
    }
    if (cutoffReached && pacing.errorAfterChunks !== undefined && contentWritten >= pacing.errorAfterChunks) {
      res.end(ending.errorFrame(framesWritten));
      return;
    }
    if (frame.content) {
      if (contentWritten > 0) await pause(pacing.chunkDelayMs, res);
      if (res.destroyed) return;
      contentWritten++;
    }
    if (pacing.disconnectAfterChunks === undefined) res.write(frame.text);
    else lastWrite = new Promise((resolve) => res.write(frame.text, () => resolve()));
    framesWritten++;
  }
  res.end();
}

