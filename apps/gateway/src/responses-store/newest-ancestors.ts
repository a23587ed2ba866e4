/** The ids of the newest ancestors that fit a chain of `depth` responses (the last one included), newest first. */
export function newestAncestors(ancestors: readonly string[], depth: number): string[] {
  const count = Math.max(0, depth - 1);
  return count === 0 ? [] : ancestors.slice(-count).reverse();
}
