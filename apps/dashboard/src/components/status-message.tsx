import { type ReactNode } from 'react';

export type StatusTone = 'ok' | 'warning' | 'error' | 'pending';

interface StatusMessageProps {
  tone: StatusTone;
  label: string;
  /** A second, quieter line: what went wrong, what to do. */
  detail?: ReactNode;
}

/** A live status line with a coloured dot; the colour is never the only signal, the label always says it. */
export function StatusMessage({ tone, label, detail }: StatusMessageProps) {
  return (
    <div className={`status-message status-message--${tone}`} role="status">
      <p className="status-message__label">
        <span className="status-message__dot" aria-hidden="true" />
        {label}
      </p>
      {detail ? <p className="status-message__detail">{detail}</p> : null}
    </div>
  );
}
