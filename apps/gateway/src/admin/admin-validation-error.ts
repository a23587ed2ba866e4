import { type ValidationIssue } from '@gatehouse/contracts';
import { GatewayError } from '@gatehouse/translate';

/** A 400 for an admin request that failed validation, carrying every bad field's path. */
export class AdminValidationError extends GatewayError {
  constructor(
    readonly issues: readonly ValidationIssue[],
    what = 'request body',
    /** 409 when the request is well-formed but would leave the config inconsistent (deleting a model still referred to). */
    status = 400,
  ) {
    const listed = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
    super('invalid_request', status === 409 ? `${what}: ${listed}` : `The ${what} is not valid: ${listed}`, {
      status,
      param: issues[0]?.path || undefined,
    });
  }
}
