import { GatewayRequestError } from './gateway-request-error';

/** The gateway's message for the field at `path` (or inside it: `budget` covers `budget.tokens`), if it refused that field. */
export function issueAt(error: Error | undefined, path: string): string | undefined {
  if (!(error instanceof GatewayRequestError)) return undefined;
  const issue = error.issues.find((candidate) => candidate.path === path || candidate.path.startsWith(`${path}.`) || candidate.path.startsWith(`${path}[`));
  return issue?.message;
}
