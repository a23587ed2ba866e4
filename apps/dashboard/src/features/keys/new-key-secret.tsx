import { type CreatedApiKey } from '@gatehouse/contracts';
import { useEffect, useId, useRef } from 'react';
import { CopyButton } from '../../components/copy-button';

interface NewKeySecretProps {
  createdKey: CreatedApiKey;
  onDismiss: () => void;
}

/** The one time a key's secret is shown: the gateway keeps only its hash. */
export function NewKeySecret({ createdKey, onDismiss }: NewKeySecretProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const secretId = useId();

  // Screen-reader and keyboard users land on the secret the moment it appears.
  useEffect(() => heading.current?.focus(), [createdKey.id]);

  return (
    <section className="secret-panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className="secret-panel__title">
        Key “{createdKey.name}” created
      </h2>
      <p className="secret-panel__warning">
        <strong>Copy the secret now.</strong> This is the only time it is shown: the gateway stores only a hash of it. If it is
        lost, revoke the key and create another.
      </p>
      <label htmlFor={secretId} className="form-field__label">
        Secret
      </label>
      <div className="secret-panel__row">
        <input id={secretId} className="input input--mono secret-panel__secret" readOnly value={createdKey.key} onFocus={(event) => event.target.select()} />
        <CopyButton text={createdKey.key} label="Copy secret" />
      </div>
      <p className="form-field__hint">
        Clients send it as <code>Authorization: Bearer …</code> or <code>x-api-key: …</code>.
      </p>
      <button type="button" className="button" onClick={onDismiss}>
        I have copied it
      </button>
    </section>
  );
}
