import { type SseEvent } from './sse-event';

export interface SseDecoderOptions {
  /**
   * Dispatch the event still being read when the stream ends without its closing blank line.
   * The WHATWG rules discard it (the default); some servers forget the last blank line.
   */
  dispatchUnterminatedEvent?: boolean;
}

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const BYTE_ORDER_MARK = 0xfeff;
const ASCII_DIGITS = /^[0-9]+$/;

/**
 * Incremental SSE parser (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
 * bytes or text in, events out, correct for any chunk boundary. Each character is scanned once: only the unfinished
 * last line of a chunk is carried over to the next push.
 *
 * Feed it either bytes or strings, not both in one stream: a byte chunk may end inside a UTF-8 character.
 */
export class SseDecoder {
  private readonly textDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly dispatchUnterminatedEvent: boolean;

  private atStreamStart = true;
  /** The previous chunk ended with `\r`; a `\n` opening the next one belongs to the same line ending. */
  private skipLeadingLineFeed = false;
  private unfinishedLine = '';

  private data = '';
  private hasData = false;
  private eventType = '';
  private eventId: string | undefined = undefined;
  private retry: number | undefined = undefined;
  private lastId = '';

  constructor(options: SseDecoderOptions = {}) {
    this.dispatchUnterminatedEvent = options.dispatchUnterminatedEvent ?? false;
  }

  /** The WHATWG last event ID: the most recent `id:` value, kept across events. */
  get lastEventId(): string {
    return this.lastId;
  }

  push(chunk: Uint8Array | string): SseEvent[] {
    const text = typeof chunk === 'string' ? chunk : this.textDecoder.decode(chunk, { stream: true });
    const events: SseEvent[] = [];
    this.readText(text, events);
    return events;
  }

  /** Ends the stream: flushes a trailing partial UTF-8 sequence, then resets the decoder for another stream. */
  end(): SseEvent[] {
    const events: SseEvent[] = [];
    this.readText(this.textDecoder.decode(), events);
    if (this.dispatchUnterminatedEvent) {
      if (this.unfinishedLine !== '') this.readLine(this.unfinishedLine, events);
      this.dispatch(events);
    }
    this.reset();
    return events;
  }

  private reset(): void {
    this.atStreamStart = true;
    this.skipLeadingLineFeed = false;
    this.unfinishedLine = '';
    this.clearEvent();
    this.lastId = '';
  }

  private readText(text: string, events: SseEvent[]): void {
    const length = text.length;
    if (length === 0) return;
    let start = 0;
    if (this.atStreamStart) {
      this.atStreamStart = false;
      if (text.charCodeAt(0) === BYTE_ORDER_MARK) start = 1;
    }
    if (this.skipLeadingLineFeed) {
      this.skipLeadingLineFeed = false;
      if (text.charCodeAt(start) === LINE_FEED) start++;
    }
    // Both positions are searched forward only, so the chunk is scanned once even when it holds just one kind of ending.
    let nextLineFeed = text.indexOf('\n', start);
    let nextCarriageReturn = text.indexOf('\r', start);
    for (;;) {
      if (nextLineFeed !== -1 && nextLineFeed < start) nextLineFeed = text.indexOf('\n', start);
      if (nextCarriageReturn !== -1 && nextCarriageReturn < start) nextCarriageReturn = text.indexOf('\r', start);
      let lineEnd: number;
      if (nextCarriageReturn === -1) {
        if (nextLineFeed === -1) break;
        lineEnd = nextLineFeed;
      } else {
        lineEnd = nextLineFeed !== -1 && nextLineFeed < nextCarriageReturn ? nextLineFeed : nextCarriageReturn;
      }

      let line = text.slice(start, lineEnd);
      if (this.unfinishedLine !== '') {
        line = this.unfinishedLine + line;
        this.unfinishedLine = '';
      }
      this.readLine(line, events);

      start = lineEnd + 1;
      if (text.charCodeAt(lineEnd) === CARRIAGE_RETURN) {
        if (start === length) this.skipLeadingLineFeed = true;
        else if (text.charCodeAt(start) === LINE_FEED) start++;
      }
    }
    if (start < length) this.unfinishedLine += text.slice(start);
  }

  private readLine(line: string, events: SseEvent[]): void {
    if (line.length === 0) {
      this.dispatch(events);
      return;
    }
    const colon = line.indexOf(':');
    if (colon === 0) return; // a comment
    let field: string;
    let value: string;
    if (colon === -1) {
      field = line;
      value = '';
    } else {
      field = line.slice(0, colon);
      const valueStart = line.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1;
      value = line.slice(valueStart);
    }
    switch (field) {
      case 'data':
        if (this.hasData) this.data += '\n' + value;
        else {
          this.data = value;
          this.hasData = true;
        }
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (!value.includes('\0')) {
          this.eventId = value;
          this.lastId = value;
        }
        break;
      case 'retry':
        if (ASCII_DIGITS.test(value)) this.retry = Number(value);
        break;
      default:
        break; // unknown fields are ignored
    }
  }

  private dispatch(events: SseEvent[]): void {
    if (this.hasData) {
      const event: SseEvent = { data: this.data };
      if (this.eventType !== '') event.event = this.eventType;
      if (this.eventId !== undefined) event.id = this.eventId;
      if (this.retry !== undefined) event.retry = this.retry;
      events.push(event);
    }
    this.clearEvent();
  }

  private clearEvent(): void {
    this.data = '';
    this.hasData = false;
    this.eventType = '';
    this.eventId = undefined;
    this.retry = undefined;
  }
}
