/** One problem in a config: where (`models[2].targets[0].provider`, or '' for the file as a whole) and what. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/**
 * Thrown for anything that stops a config from loading: a missing file, YAML syntax, schema and cross-reference errors.
 * The message holds one issue per line as `path: message`, ready to print before the process exits.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];
  /** The file the issues were found in, or `embedded default`; absent when not known. */
  readonly source: string | undefined;

  constructor(issues: readonly ConfigIssue[], options: { source?: string } = {}) {
    super(issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('\n'));
    this.issues = issues;
    this.source = options.source;
  }
}
