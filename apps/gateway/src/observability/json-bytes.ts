import { type BufferPool } from './buffer-pool';

const CHUNK_BYTES = 64 * 1024;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const FIRST_PRINTABLE = 0x20;
const LAST_ASCII = 0x7f;
const ZERO = 0x30;
/** Up to here, digits are worked out in 32-bit integer arithmetic. */
const MAX_INT32 = 0x7fffffff;
const SHORT_COPY_BYTES = 24;

/**
 * JSON text written straight into buffers outside the JS heap (span exports, access-log batches): what waits there is
 * not copied by young collections, and the strings it came from die at once. Spans are written piece by piece without
 * building a string first: most of what they carry is ASCII that needs no escaping, copied byte by byte. Text that
 * needs more goes through JSON.stringify and Buffer's UTF-8 encoder.
 */
export class JsonBytes {
  private readonly full: Buffer[] = [];
  /** Every buffer this has taken from the pool, to give back in recycle(). */
  private readonly pooled: Buffer[] = [];
  private chunk?: Buffer;
  private used = 0;
  private fullBytes = 0;

  /**
   * `chunkBytes`: the size of each buffer (a piece larger than that gets a buffer of its own size); with a `pool`,
   * buffers of its size come from it, and go back with recycle().
   */
  constructor(
    private readonly chunkBytes = CHUNK_BYTES,
    private readonly pool?: BufferPool,
  ) {}

  get empty(): boolean {
    return this.byteLength === 0;
  }

  /** How many bytes have been written. */
  get byteLength(): number {
    return this.fullBytes + this.used;
  }

  /** Text that is ASCII and already JSON (punctuation, keys known to need no escaping, numbers). */
  ascii(text: string): void {
    const length = text.length;
    const chunk = this.reserve(length);
    let at = this.used;
    for (let i = 0; i < length; i++) chunk[at++] = text.charCodeAt(i);
    this.used = at;
  }

  /** One ASCII character, by its code. */
  byte(code: number): void {
    const chunk = this.reserve(1);
    chunk[this.used++] = code;
  }

  /** Bytes already encoded (a piece of JSON made once and written often). */
  bytes(bytes: Uint8Array): void {
    const length = bytes.length;
    const chunk = this.reserve(length);
    let at = this.used;
    // Short pieces are copied here: below about 24 bytes that is quicker than the call into TypedArray#set.
    if (length < SHORT_COPY_BYTES) for (let i = 0; i < length; i++) chunk[at++] = bytes[i]!;
    else {
      chunk.set(bytes, at);
      at += length;
    }
    this.used = at;
  }

  /** Any text that is already JSON. */
  text(text: string): void {
    // Three bytes per UTF-16 unit is the most UTF-8 can need, so the text always fits without measuring it first.
    const chunk = this.reserve(text.length * 3);
    this.used += chunk.write(text, this.used);
  }

  /** A string value, as a JSON string literal. */
  string(value: string): void {
    const length = value.length;
    const chunk = this.reserve(length + 2);
    let at = this.used;
    chunk[at++] = QUOTE;
    for (let i = 0; i < length; i++) {
      const code = value.charCodeAt(i);
      if (code < FIRST_PRINTABLE || code === QUOTE || code === BACKSLASH || code > LAST_ASCII) {
        // Nothing was committed: JSON.stringify escapes what must be, and the rest is UTF-8 encoded.
        this.text(JSON.stringify(value));
        return;
      }
      chunk[at++] = code;
    }
    chunk[at++] = QUOTE;
    this.used = at;
  }

  /** A number as JSON writes it (null when not finite). */
  number(value: number): void {
    if (Number.isSafeInteger(value) && value >= 0) this.digits(value, 1);
    else this.ascii(Number.isFinite(value) ? String(value) : 'null');
  }

  /**
   * A non-negative safe integer in decimal, padded with zeros to `minDigits`, written digit by digit: no string is
   * made for it (span timestamps and token counts are written this way for every span).
   */
  digits(value: number, minDigits: number): void {
    if (value > MAX_INT32) {
      this.ascii(String(value).padStart(minDigits, '0'));
      return;
    }
    let count = 1;
    for (let rest = value; rest >= 10; rest = (rest / 10) | 0) count++;
    if (count < minDigits) count = minDigits;
    const chunk = this.reserve(count);
    const start = this.used;
    let at = start + count;
    this.used = at;
    while (at > start) {
      const tenth = (value / 10) | 0;
      chunk[--at] = ZERO + value - tenth * 10;
      value = tenth;
    }
  }

  /** Everything written, in order; write nothing more afterwards. */
  take(): Buffer[] {
    return this.chunk === undefined || this.used === 0 ? this.full : [...this.full, this.chunk.subarray(0, this.used)];
  }

  /** Gives the pool's buffers back, once what take() returned is no longer read. */
  recycle(): void {
    for (const buffer of this.pooled) this.pool!.give(buffer);
    this.pooled.length = 0;
  }

  /** The buffer to write the next `bytes` at `this.used` into. */
  private reserve(bytes: number): Buffer {
    if (this.chunk !== undefined && this.chunk.length - this.used >= bytes) return this.chunk;
    if (this.chunk !== undefined && this.used > 0) {
      this.full.push(this.chunk.subarray(0, this.used));
      this.fullBytes += this.used;
    }
    this.chunk = this.newChunk(Math.max(this.chunkBytes, bytes));
    this.used = 0;
    return this.chunk;
  }

  private newChunk(bytes: number): Buffer {
    if (this.pool === undefined || bytes > this.pool.size) return Buffer.allocUnsafe(bytes);
    const chunk = this.pool.take();
    this.pooled.push(chunk);
    return chunk;
  }
}
