import { type ReactNode } from 'react';
import { type StatusTone } from './status-message';

interface StatusBadgeProps {
  tone: StatusTone | 'neutral';
  children: ReactNode;
}

/** A short state in a pill ("closed", "revoked", "override"); the words carry the meaning, the colour helps. */
export function StatusBadge({ tone, children }: StatusBadgeProps) {
  return <span className={`status-badge status-badge--${tone}`}>{children}</span>;
}
