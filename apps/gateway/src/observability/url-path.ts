/** A request URL's path, without the query string (which may carry what a log or span must not hold). */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}
