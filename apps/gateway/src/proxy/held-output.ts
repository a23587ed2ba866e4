import { type GatewayError } from '@gatehouse/translate';

/**
 * Holds a stream's first output back until its first content (DESIGN.md: lifecycle events such as message_start,
 * the role chunk or response.created wait for it), so that an upstream failure before any content can still fall
 * over to another target: nothing has reached the client yet. `committed` resolves once output flows, or rejects
 * with the early failure.
 */
export class HeldOutput {
  private state: 'holding' | 'flowing' | 'failed' = 'holding';
  private held: (Buffer | string)[] = [];
  private settle!: { resolve: () => void; reject: (error: GatewayError) => void };
  readonly committed = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));

  constructor(private readonly push: (chunk: Buffer | string) => void) {
    // A rejection nobody awaits (the client left first) must not crash the process.
    this.committed.catch(() => undefined);
  }

  get isHolding(): boolean {
    return this.state === 'holding';
  }

  write(chunk: Buffer | string, hasContent: boolean): void {
    if (this.state === 'flowing') return void this.push(chunk);
    if (this.state === 'failed') return;
    this.held.push(chunk);
    if (hasContent) this.release();
  }

  /** Lets everything held go: on the first content, or when the stream ends without any. */
  release(): void {
    if (this.state !== 'holding') return;
    this.state = 'flowing';
    for (const chunk of this.held) this.push(chunk);
    this.held = [];
    this.settle.resolve();
  }

  /** Fails before anything was sent: the held output is discarded. Returns false when it is too late for that. */
  failEarly(error: GatewayError): boolean {
    if (this.state !== 'holding') return false;
    this.state = 'failed';
    this.held = [];
    this.settle.reject(error);
    return true;
  }
}
