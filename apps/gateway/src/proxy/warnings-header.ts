const MAX_HEADER_LENGTH = 4000;

/** Translation warnings as one header value: printable ASCII, `; `-separated, bounded in length. */
export function warningsHeader(warnings: readonly string[]): string {
  const value = warnings.join('; ').replace(/[^\x20-\x7e]/g, '?');
  return value.length > MAX_HEADER_LENGTH ? `${value.slice(0, MAX_HEADER_LENGTH - 3)}...` : value;
}
