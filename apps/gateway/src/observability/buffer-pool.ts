/**
 * Buffers of one size, handed out again once their user is done with them. Allocating a large buffer per batch and
 * dropping it made V8 count it as external memory each time, and that pressure brings collections forward; a few kept
 * buffers avoid both. Buffers given back beyond `keep` are left to the collector.
 */
export class BufferPool {
  private readonly spare: Buffer[] = [];

  constructor(
    readonly size: number,
    private readonly keep: number,
    /** Allocate them on shared memory, so that another thread can read one without a copy. */
    private readonly shared = false,
  ) {}

  take(): Buffer {
    return this.spare.pop() ?? (this.shared ? Buffer.from(new SharedArrayBuffer(this.size)) : Buffer.allocUnsafe(this.size));
  }

  /** Returns a buffer from take(); nothing may read or write it afterwards. */
  give(buffer: Buffer): void {
    if (buffer.length === this.size && this.spare.length < this.keep) this.spare.push(buffer);
  }
}
