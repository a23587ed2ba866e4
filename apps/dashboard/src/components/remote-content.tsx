import { type ReactNode } from 'react';
import { type RemoteData } from '../hooks/use-remote-data';
import { RequestErrorMessage } from './request-error-message';
import { StatusMessage } from './status-message';

interface RemoteContentProps<T> {
  data: RemoteData<T>;
  /** "Loading keys…" */
  loadingLabel: string;
  /** "Could not load keys" */
  failureLabel: string;
  children: (value: T) => ReactNode;
}

/** The three states of a read: a pending line, the error with its details, or the content. */
export function RemoteContent<T>({ data, loadingLabel, failureLabel, children }: RemoteContentProps<T>) {
  switch (data.state) {
    case 'loading':
      return <StatusMessage tone="pending" label={loadingLabel} />;
    case 'failed':
      return <RequestErrorMessage title={failureLabel} error={data.error} />;
    case 'ready':
      return <>{children(data.value)}</>;
  }
}
