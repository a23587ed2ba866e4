const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * One regular expression that finds any of the keywords as whole words, case-insensitively. Word edges are letters,
 * digits and `_` in any script (`\b` only knows ASCII). Spaces inside a keyword match any run of whitespace.
 * Longer keywords come first so that `machine learning` wins over `machine`.
 */
export function keywordPattern(keywords: readonly string[]): RegExp {
  const alternatives = [...new Set(keywords.map((keyword) => keyword.trim()).filter((keyword) => keyword.length > 0))]
    .sort((a, b) => b.length - a.length)
    .map((keyword) => keyword.replace(REGEX_SPECIAL, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
}
