/** The warnings of one translation, each said once, in the order they first arose. */
export class WarningList {
  private readonly seen = new Set<string>();

  add(message: string): void {
    this.seen.add(message);
  }

  toArray(): string[] {
    return [...this.seen];
  }
}
