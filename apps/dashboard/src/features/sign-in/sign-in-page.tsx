import { type FormEvent, useId, useState } from 'react';
import { GatewayRequestError } from '../../api/gateway-request-error';
import { verifyAdminKey } from '../../api/verify-admin-key';
import { StatusMessage } from '../../components/status-message';

export interface SignInNotice {
  tone: 'ok' | 'error';
  text: string;
}

interface SignInPageProps {
  /** Why the sign-in page is shown again: signed out, or the key stopped working. */
  notice?: SignInNotice;
  onSignedIn: (adminKey: string) => void;
}

/** Asks for the admin key and checks it with the gateway before keeping it. */
export function SignInPage({ notice, onSignedIn }: SignInPageProps) {
  const [adminKey, setAdminKey] = useState('');
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<{ title: string; detail: string } | undefined>(undefined);
  const inputId = useId();
  const hintId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = adminKey.trim();
    if (!candidate) {
      setFailure({ title: 'Enter the admin key', detail: 'It is the value of admin.api_key in the gateway config.' });
      return;
    }
    setChecking(true);
    setFailure(undefined);
    try {
      await verifyAdminKey(candidate);
      onSignedIn(candidate);
    } catch (error) {
      setFailure(explainSignInFailure(error));
      setChecking(false);
    }
  };

  return (
    <div className="sign-in">
      <h1 className="sign-in__title">Sign in to Gatehouse</h1>
      <p className="sign-in__lead">The dashboard manages keys, models and routes and shows token usage through the gateway&apos;s admin API.</p>
      {notice ? <StatusMessage tone={notice.tone} label={notice.text} /> : null}
      <form className="sign-in__form" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor={inputId} className="form-field__label">
          Admin key
        </label>
        <input
          id={inputId}
          className="input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={adminKey}
          onChange={(event) => setAdminKey(event.target.value)}
          aria-describedby={hintId}
          aria-invalid={failure ? true : undefined}
          required
        />
        <p id={hintId} className="form-field__hint">
          The value of <code>admin.api_key</code> (or <code>GATEHOUSE_ADMIN_KEY</code>) in the gateway config. It is kept in this
          browser tab only, until you sign out or close the tab.
        </p>
        <button type="submit" className="button button--primary" disabled={checking}>
          {checking ? 'Checking…' : 'Sign in'}
        </button>
      </form>
      {failure ? (
        <div className="error-message" role="alert">
          <p className="error-message__title">{failure.title}</p>
          <p className="error-message__detail">{failure.detail}</p>
        </div>
      ) : null}
    </div>
  );
}

function explainSignInFailure(error: unknown): { title: string; detail: string } {
  if (!(error instanceof GatewayRequestError)) return { title: 'Sign-in failed', detail: String(error) };
  switch (error.status) {
    case undefined:
      return { title: 'The gateway could not be reached', detail: 'Check that it is running and try again.' };
    case 401:
      return { title: 'The gateway refused this admin key (HTTP 401)', detail: 'Check admin.api_key in the gateway config and try again.' };
    case 403:
      return { title: 'The admin API is disabled (HTTP 403)', detail: error.message };
    default:
      return { title: `Sign-in failed (HTTP ${error.status})`, detail: error.message };
  }
}
