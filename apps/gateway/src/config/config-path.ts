/** A config path as zod reports it: object keys and array indexes from the root. */
export type ConfigPathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Formats a path the way users read it in the YAML file: `models[2].targets[0].provider`.
 * Keys that are not plain words (record keys such as `Qwen/Qwen2.5-7B` in `pricing`) are quoted in brackets.
 */
export function formatConfigPath(path: readonly PropertyKey[]): string {
  let formatted = '';
  for (const segment of path) {
    if (typeof segment === 'number') formatted += `[${segment}]`;
    else if (typeof segment === 'string' && PLAIN_KEY.test(segment)) formatted += formatted ? `.${segment}` : segment;
    else formatted += `[${JSON.stringify(String(segment))}]`;
  }
  return formatted;
}
