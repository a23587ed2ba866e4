import { type DecisionCondition } from './decision-condition';
import { type ConditionTrace } from './decision-trace';
import { keywordPattern } from './keyword-pattern';
import { type RequestFacts } from './request-facts';

/** A condition made ready once per config: patterns compiled, descriptions written. */
export interface CompiledCondition {
  readonly description: string;
  readonly usesDomain: boolean;
  /** `exhaustive` evaluates every branch (for explain) instead of stopping at the first that settles the answer. */
  evaluate(facts: RequestFacts, exhaustive: boolean): ConditionTrace;
}

const list = (names: readonly string[]) => `[${names.join(', ')}]`;
const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

function leaf(description: string, test: (facts: RequestFacts) => { matched: boolean; detail?: string }, usesDomain = false): CompiledCondition {
  return {
    description,
    usesDomain,
    evaluate: (facts) => ({ condition: description, ...test(facts) }),
  };
}

function headerValue(facts: RequestFacts, name: string): string | undefined {
  const value = facts.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

export function compileCondition(condition: DecisionCondition): CompiledCondition {
  if ('any' in condition || 'all' in condition) {
    const isAny = 'any' in condition;
    const children = (isAny ? condition.any : condition.all).map(compileCondition);
    const description = isAny ? 'any' : 'all';
    return {
      description,
      usesDomain: children.some((child) => child.usesDomain),
      evaluate(facts, exhaustive) {
        const traces: ConditionTrace[] = [];
        let matched = !isAny;
        for (const child of children) {
          const trace = child.evaluate(facts, exhaustive);
          traces.push(trace);
          if (trace.matched === isAny) {
            matched = isAny;
            if (!exhaustive) break;
          }
        }
        return { condition: description, matched, children: traces };
      },
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return {
      description: 'not',
      usesDomain: inner.usesDomain,
      evaluate(facts, exhaustive) {
        const trace = inner.evaluate(facts, exhaustive);
        return { condition: 'not', matched: !trace.matched, children: [trace] };
      },
    };
  }
  if ('keywords' in condition) {
    const pattern = keywordPattern(condition.keywords);
    return leaf(`keywords ${list(condition.keywords)}`, (facts) => {
      const found = pattern.exec(facts.promptText);
      return found ? { matched: true, detail: `found ${quote(found[0])}` } : { matched: false };
    });
  }
  if ('regex' in condition) {
    const pattern = new RegExp(condition.regex);
    return leaf(`regex /${condition.regex}/`, (facts) => {
      const found = pattern.exec(facts.promptText);
      return found ? { matched: true, detail: `matched ${quote(found[0])}` } : { matched: false };
    });
  }
  if ('domain' in condition) {
    const domains = new Set(condition.domain);
    return leaf(
      `domain ${list(condition.domain)}`,
      (facts) => {
        const guess = facts.domain();
        return { matched: domains.has(guess.domain), detail: `domain ${guess.domain} (${guess.confidence.toFixed(2)}, ${guess.source})` };
      },
      true,
    );
  }
  if ('has_images' in condition) {
    const wanted = condition.has_images;
    return leaf(`has_images ${wanted}`, (facts) => ({ matched: facts.hasImages === wanted, detail: facts.hasImages ? 'images' : 'no images' }));
  }
  if ('prompt_tokens' in condition) {
    const { above, below } = condition.prompt_tokens;
    const bounds = [above === undefined ? '' : `above ${above}`, below === undefined ? '' : `below ${below}`].filter(Boolean).join(' and ');
    return leaf(`prompt_tokens ${bounds}`, (facts) => ({
      matched: (above === undefined || facts.promptTokens > above) && (below === undefined || facts.promptTokens < below),
      detail: `about ${facts.promptTokens} tokens`,
    }));
  }
  if ('header' in condition) {
    const name = condition.header.name.toLowerCase();
    const { value: expected, regex } = condition.header;
    const pattern = regex === undefined ? undefined : new RegExp(regex);
    const description = `header ${name}${expected !== undefined ? ` = ${quote(expected)}` : pattern ? ` ~ /${regex}/` : ' present'}`;
    return leaf(description, (facts) => {
      const value = headerValue(facts, name);
      if (value === undefined) return { matched: false, detail: 'absent' };
      const matched = expected !== undefined ? value === expected : pattern ? pattern.test(value) : true;
      return { matched, detail: `is ${quote(value)}` };
    });
  }
  if ('dialect' in condition) {
    const wanted = condition.dialect;
    return leaf(`dialect ${wanted}`, (facts) => ({ matched: facts.dialect === wanted, detail: facts.dialect }));
  }
  if ('key' in condition) {
    const keys = new Set(condition.key);
    return leaf(`key ${list(condition.key)}`, (facts) => ({
      matched: facts.keyName !== undefined && keys.has(facts.keyName),
      detail: facts.keyName ?? 'no key',
    }));
  }
  if ('team' in condition) {
    const teams = new Set(condition.team);
    return leaf(`team ${list(condition.team)}`, (facts) => ({
      matched: facts.team !== undefined && teams.has(facts.team),
      detail: facts.team ?? 'no team',
    }));
  }
  const unreachable: never = condition;
  throw new Error(`unknown routing condition ${JSON.stringify(unreachable)}`);
}
