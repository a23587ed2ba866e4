import { type ServerResponse } from 'node:http';

/** One frame of a stream; `content` marks the deltas that carry reply content (what chunk counts and pacing count). */
export interface SseFrame {
  text: string;
  content: boolean;
}

/** `event: NAME` (when named) and one `data:` line, as the providers send them: one JSON object a line. */
export function sseFrame(data: unknown, event?: string, content = false): SseFrame {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  return { text: event ? `event: ${event}\ndata: ${payload}\n\n` : `data: ${payload}\n\n`, content };
}

export function openSseResponse(res: ServerResponse, headers: Record<string, string>): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  });
  res.flushHeaders();
}
