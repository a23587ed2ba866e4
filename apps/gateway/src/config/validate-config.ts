import { type z } from 'zod';
import { ConfigError, type ConfigIssue } from './config-error';
import { formatConfigPath } from './config-path';
import { gatehouseConfigSchema, type GatehouseConfig } from './config-schema';

export interface ValidateConfigOptions {
  /** Where the config came from (a file path, `embedded default`), kept on the ConfigError. */
  source?: string;
  /**
   * Environment variables that were referenced but not set, by the formatted path of the value that used them,
   * so that an error on that value can say `(from ${VAR}, which is not set)`.
   */
  missingVariables?: ReadonlyMap<string, readonly string[]>;
}

/** Validates a parsed config (YAML already read and expanded) into its typed form; throws ConfigError. */
export function validateConfig(input: unknown, options: ValidateConfigOptions = {}): GatehouseConfig {
  const result = gatehouseConfigSchema.safeParse(input, {
    error: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'required' : undefined),
  });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => withMissingVariables(toConfigIssue(issue), options.missingVariables));
  throw new ConfigError(issues, { source: options.source });
}

function toConfigIssue(issue: z.core.$ZodIssue): ConfigIssue {
  // A single unknown key belongs in the path: `server.prot: unknown key (did you mean "port"?)`.
  if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) {
    return { path: formatConfigPath([...issue.path, issue.keys[0]!]), message: issue.message };
  }
  return { path: formatConfigPath(issue.path), message: issue.message };
}

function withMissingVariables(issue: ConfigIssue, missingVariables: ValidateConfigOptions['missingVariables']): ConfigIssue {
  const names = missingVariables?.get(issue.path);
  if (!names?.length) return issue;
  const references = names.map((name) => `\${${name}}`).join(', ');
  const verb = names.length === 1 ? 'which is' : 'which are';
  return { ...issue, message: `${issue.message} (from ${references}, ${verb} not set)` };
}
