/**
 * Splits a text into stream deltas: into `parts` pieces of near-equal length when given, otherwise one piece a word
 * (each word with the whitespace before it). Joining the pieces gives the text back.
 */
export function splitText(text: string, parts?: number): string[] {
  if (text === '') return [];
  if (parts !== undefined && parts >= 1) return splitEvenly(text, Math.floor(parts));
  const words = text.match(/\s*\S+/g);
  if (!words) return [text];
  const covered = words.reduce((length, word) => length + word.length, 0);
  if (covered < text.length) words[words.length - 1] += text.slice(covered);
  return words;
}

function splitEvenly(text: string, parts: number): string[] {
  const characters = Array.from(text);
  const count = Math.min(parts, characters.length);
  const pieces: string[] = [];
  for (let i = 0; i < count; i++) {
    const from = Math.floor((i * characters.length) / count);
    const to = Math.floor(((i + 1) * characters.length) / count);
    pieces.push(characters.slice(from, to).join(''));
  }
  return pieces;
}
