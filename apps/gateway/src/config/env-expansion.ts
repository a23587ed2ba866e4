/** Environment variables as process.env holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The result of expanding one string: the text, and the variables it used that were not set. */
export interface EnvExpansion {
  value: string;
  missing: string[];
}

/** A `${` that does not form a valid reference; the loader reports it with the path of the value. */
export class InvalidEnvReferenceError extends Error {
  override readonly name = 'InvalidEnvReferenceError';
}

const REFERENCE_BODY = /^([A-Za-z_][A-Za-z0-9_]*)(?::-([\s\S]*))?$/;

/**
 * Expands `${VAR}` and `${VAR:-default}` in one config value.
 * - `${VAR:-default}` gives the default when VAR is unset or empty; the default may be empty or hold spaces,
 *   but not `}`.
 * - `${VAR}` with VAR unset gives the empty string, and VAR is listed in `missing`.
 * - `$${` gives a literal `${`; a `$` anywhere else is kept as it is (`$VAR` is not expanded).
 * Throws InvalidEnvReferenceError for `${` without a closing brace or with an invalid variable name.
 */
export function expandEnv(text: string, env: Environment): EnvExpansion {
  let value = '';
  const missing: string[] = [];
  let index = 0;
  while (index < text.length) {
    if (text.startsWith('$${', index)) {
      value += '${';
      index += 3;
      continue;
    }
    if (!text.startsWith('${', index)) {
      value += text[index];
      index += 1;
      continue;
    }
    const close = text.indexOf('}', index + 2);
    if (close === -1) throw new InvalidEnvReferenceError(`unterminated \${ in "${text}" (write $\${ for a literal \${)`);
    const body = text.slice(index + 2, close);
    const reference = REFERENCE_BODY.exec(body);
    if (!reference) throw new InvalidEnvReferenceError(`invalid variable reference \${${body}}: use \${NAME} or \${NAME:-default}`);
    const [, name, fallback] = reference as unknown as [string, string, string | undefined];
    const current = env[name];
    if (current !== undefined && (current !== '' || fallback === undefined)) value += current;
    else if (fallback !== undefined) value += fallback;
    else if (!missing.includes(name)) missing.push(name);
    index = close + 1;
  }
  return { value, missing };
}
