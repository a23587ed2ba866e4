const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words: runs of letters and digits in any script; everything else separates words. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * A crude plural fold, applied alike to vocabulary and prompt words so that `integrals` finds `integral`
 * and `theories` finds `theory`. Words ending in ss, us or is (process, virus, analysis) are left alone.
 */
export function foldPlural(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}
