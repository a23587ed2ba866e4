import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError, type ConfigIssue } from './config-error';
import { formatConfigPath } from './config-path';
import { type GatehouseConfig } from './config-schema';
import { buildDefaultConfig } from './default-config';
import { type Environment, expandEnv, InvalidEnvReferenceError } from './env-expansion';
import { validateConfig } from './validate-config';

/** Where the config comes from; `from` says which rule picked the file, for the startup log and error messages. */
export type ConfigSource =
  | { kind: 'file'; path: string; from: 'argument' | 'environment' | 'working-directory' }
  | { kind: 'default' };

const FILE_IN_WORKING_DIRECTORY = 'gatehouse.yaml';
const ORIGIN_LABEL = { argument: ' (given by --config)', environment: ' (given by GATEHOUSE_CONFIG)', 'working-directory': '' };

/**
 * Picks the config: `--config FILE` (or `--config=FILE`), else `$GATEHOUSE_CONFIG`, else `./gatehouse.yaml` when it
 * exists, else the embedded default. Relative paths are resolved against cwd. Whether an explicitly named file exists
 * is checked by loadConfig, which reports it.
 */
export function resolveConfigSource(argv: readonly string[], env: Environment, cwd: string): ConfigSource {
  let fromArgument: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--config') {
      const next = argv[index + 1];
      if (next === undefined || next === '' || next.startsWith('--')) throw new ConfigError([{ path: '', message: '--config needs a file path' }]);
      fromArgument = next;
      index++;
    } else if (argument.startsWith('--config=')) {
      fromArgument = argument.slice('--config='.length);
      if (fromArgument === '') throw new ConfigError([{ path: '', message: '--config needs a file path' }]);
    }
  }
  if (fromArgument !== undefined) return { kind: 'file', path: resolve(cwd, fromArgument), from: 'argument' };
  const fromEnvironment = env['GATEHOUSE_CONFIG'];
  if (fromEnvironment) return { kind: 'file', path: resolve(cwd, fromEnvironment), from: 'environment' };
  const inWorkingDirectory = join(cwd, FILE_IN_WORKING_DIRECTORY);
  if (existsSync(inWorkingDirectory)) return { kind: 'file', path: inWorkingDirectory, from: 'working-directory' };
  return { kind: 'default' };
}

/** Reads, expands and validates the config; throws ConfigError with every problem found. */
export function loadConfig(source: ConfigSource, env: Environment): GatehouseConfig {
  if (source.kind === 'default') return buildDefaultConfig(env);
  return parseConfigText(readConfigFile(source.path, ORIGIN_LABEL[source.from]), env, source.path);
}

function readConfigFile(path: string, originLabel: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? `config file not found: ${path}${originLabel}`
        : code === 'EISDIR'
          ? `config path is a directory, not a file: ${path}${originLabel}`
          : `cannot read config file ${path}${originLabel}: ${(error as Error).message}`;
    throw new ConfigError([{ path: '', message }], { source: path });
  }
}

/**
 * Parses YAML text, expands `${VAR}` in its string values, and validates it. Expansion happens after parsing so
 * that a value holding quotes, colons or `#` cannot change the structure of the file.
 */
export function parseConfigText(text: string, env: Environment, source = 'config'): GatehouseConfig {
  const parsed = parseYaml(text, source);
  const missingVariables = new Map<string, string[]>();
  const expansionIssues: ConfigIssue[] = [];
  const expanded = expandStrings(parsed, [], env, missingVariables, expansionIssues);
  let config: GatehouseConfig | undefined;
  let validationIssues: readonly ConfigIssue[] = [];
  try {
    config = validateConfig(expanded, { source, missingVariables });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    validationIssues = error.issues;
  }
  if (!config || expansionIssues.length) throw new ConfigError([...expansionIssues, ...validationIssues], { source });
  return config;
}

function parseYaml(text: string, source: string): unknown {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, merge: true });
  if (document.errors.length) {
    const lines = text.split('\n');
    const issues = document.errors.map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      // A plain `${VAR}` inside { } or [ ] is read as YAML flow syntax; quoting it is the fix.
      const hint = lines[line - 1]?.includes('${') ? ' (inside { } or [ ], quote values that use ${VAR}: "${VAR}")' : '';
      return { path: '', message: `invalid YAML in ${source} at line ${line}, column ${col}: ${error.message}${hint}` };
    });
    throw new ConfigError(issues, { source });
  }
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    throw new ConfigError([{ path: '', message: `invalid YAML in ${source}: ${(error as Error).message}` }], { source });
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError([{ path: '', message: `${source} must hold a YAML mapping (key: value lines) at the top level` }], { source });
  }
  return value;
}

function expandStrings(
  value: unknown,
  path: (string | number)[],
  env: Environment,
  missingVariables: Map<string, string[]>,
  issues: ConfigIssue[],
): unknown {
  if (typeof value === 'string') {
    try {
      const { value: expanded, missing } = expandEnv(value, env);
      if (missing.length) missingVariables.set(formatConfigPath(path), missing);
      return expanded;
    } catch (error) {
      if (!(error instanceof InvalidEnvReferenceError)) throw error;
      issues.push({ path: formatConfigPath(path), message: error.message });
      return value;
    }
  }
  if (Array.isArray(value)) return value.map((item, index) => expandStrings(item, [...path, index], env, missingVariables, issues));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, expandStrings(entry, [...path, key], env, missingVariables, issues)]),
    );
  }
  return value;
}
