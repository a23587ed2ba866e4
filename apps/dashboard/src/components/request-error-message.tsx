import { GatewayRequestError } from '../api/gateway-request-error';

interface RequestErrorMessageProps {
  /** What was being done: "Could not create the key". */
  title: string;
  error: Error;
}

/**
 * A failed call, announced at once (role=alert). When the gateway refused a body or query it lists every bad field
 * by its path (`targets[0].weight`) and message, as the 400 gave them.
 */
export function RequestErrorMessage({ title, error }: RequestErrorMessageProps) {
  const issues = error instanceof GatewayRequestError ? error.issues : [];
  const status = error instanceof GatewayRequestError && error.status !== undefined ? ` (HTTP ${error.status})` : '';
  return (
    <div className="error-message" role="alert">
      <p className="error-message__title">
        {title}
        {status}
      </p>
      {issues.length > 0 ? (
        <ul className="issue-list" aria-label="Problems">
          {issues.map((issue, index) => (
            <li key={`${issue.path}-${index}`} className="issue-list__item">
              {issue.path ? <code className="issue-list__path">{issue.path}</code> : null}
              <span className="issue-list__message">{issue.message}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="error-message__detail">{error.message}</p>
      )}
    </div>
  );
}
