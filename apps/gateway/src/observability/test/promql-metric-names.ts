const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'bool', 'and', 'or', 'unless', 'inf', 'nan']);

/**
 * The metric names a PromQL expression reads. Strings, label matchers, ranges, grouping clauses, numbers, durations
 * and Grafana variables are cut out first; what is left that is not a function call or a keyword is a metric name.
 */
export function promqlMetricNames(expression: string): string[] {
  const bare = expression
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\$\{?\w+\}?/g, ' ')
    // Numbers and durations (0.95, 1e-9, 5m) start with a digit, names never do.
    .replace(/(?<![\w:])\d[\w.]*/g, ' ');
  const names: string[] = [];
  for (const match of bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*(?!\s*\()/g)) {
    const name = match[0];
    // A name cut short by the lookahead (`histogram_quantil` of `histogram_quantile(`) is the tail of a function call.
    const end = (match.index ?? 0) + name.length;
    if (/^[a-zA-Z0-9_:]/.test(bare.slice(end, end + 1))) continue;
    if (!KEYWORDS.has(name.toLowerCase())) names.push(name);
  }
  return names;
}

/** The metric a Grafana `label_values(metric, label)` variable query reads. */
export function labelValuesMetric(query: string): string | undefined {
  return /label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)/.exec(query)?.[1];
}
