/**
 * The warnings of one translation. Each kind of drop is reported once, however many blocks it hit, so that the
 * `x-gatehouse-warnings` header stays short.
 */
export class WarningSet {
  private readonly messages = new Set<string>();

  add(message: string): void {
    this.messages.add(message);
  }

  toArray(): string[] {
    return [...this.messages];
  }
}
