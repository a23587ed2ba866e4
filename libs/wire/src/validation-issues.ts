import { type z } from 'zod';

/** One thing wrong with a request body: where (`messages[0].role`, `max_tokens`, '' for the body itself) and what. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

type ZodIssue = z.core.$ZodIssue;

const typeNames: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

/** Turns zod's issues into short messages that name the field as the client wrote it. */
export function validationIssuesFromZod(issues: readonly ZodIssue[], input: unknown): ValidationIssue[] {
  return issues.flatMap((issue) => describeIssue(issue, [], input));
}

/** `['messages', 0, 'content']` → `messages[0].content`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let formatted = '';
  for (const key of path) {
    if (typeof key === 'number') formatted += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) formatted += formatted === '' ? key : `.${key}`;
    else formatted += `[${JSON.stringify(String(key))}]`;
  }
  return formatted;
}

function describeIssue(issue: ZodIssue, prefix: readonly PropertyKey[], input: unknown): ValidationIssue[] {
  const path = prefix.length === 0 ? issue.path : [...prefix, ...issue.path];
  const value = valueAt(input, path);
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) {
    return [{ path: formatIssuePath(path), message: messageFor(issue, value) }];
  }
  if (value === undefined) return [{ path: formatIssuePath(path), message: 'required' }];

  // A union failed. If a branch accepted the value's JSON type, its issues are the useful ones (the first such
  // branch: open unions list the known member first); otherwise say which types would have done.
  const branches = unionBranches(issue).filter((branch) => !branch.some(isDiscriminatorMismatch));
  const matched = branches.find((branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  if (matched) return matched.flatMap((inner) => describeIssue(inner, path, input));
  const expected = new Set(
    branches.flatMap((branch) => branch.filter((inner) => inner.code === 'invalid_type' && inner.path.length === 0).map(typeName)),
  );
  if (expected.size > 0) return [{ path: formatIssuePath(path), message: `expected ${joinAlternatives([...expected])}` }];
  return [{ path: formatIssuePath(path), message: 'matches none of the accepted shapes' }];
}

/** The branches of a union, with unions nested as a whole branch (a union member that is itself a union) spread out. */
function unionBranches(issue: ZodIssue & { code: 'invalid_union' }): ZodIssue[][] {
  return issue.errors.flatMap((branch) => {
    const only = branch.length === 1 ? branch[0]! : undefined;
    if (only?.code === 'invalid_union' && only.path.length === 0 && only.errors.length > 0) return unionBranches(only);
    return [branch];
  });
}

/** zod's discriminated union found no member for the value's `type`: that branch says nothing useful. */
function isDiscriminatorMismatch(issue: ZodIssue): boolean {
  return issue.code === 'invalid_union' && issue.errors.length === 0;
}

function messageFor(issue: ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'required';
      return `expected ${typeName(issue)}`;
    case 'custom':
      return value === undefined ? 'required' : issue.message;
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return `must be at least ${issue.minimum} character${issue.minimum === 1 ? '' : 's'} long`;
      return issue.inclusive === false ? `must be greater than ${issue.minimum}` : `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${issue.maximum} item${issue.maximum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return `must be at most ${issue.maximum} character${issue.maximum === 1 ? '' : 's'} long`;
      return issue.inclusive === false ? `must be less than ${issue.maximum}` : `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of ${issue.values.map((option) => JSON.stringify(option)).join(', ')}`;
    default:
      return issue.message;
  }
}

function typeName(issue: ZodIssue): string {
  // A schema may carry its own wording (`z.int({ error: 'expected an integer' })`), since zod reports a string
  // given to an integer field as "expected number".
  if (issue.message.startsWith('expected ')) return issue.message.slice('expected '.length);
  const expected = issue.code === 'invalid_type' ? issue.expected : 'value';
  return typeNames[expected] ?? expected;
}

function joinAlternatives(names: readonly string[]): string {
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
