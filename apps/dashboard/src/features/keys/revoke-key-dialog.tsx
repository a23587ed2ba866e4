import { type ApiKey } from '@gatehouse/contracts';
import { useCallback } from 'react';
import { keysApi } from '../../api/keys-api';
import { ModalDialog } from '../../components/modal-dialog';
import { RequestErrorMessage } from '../../components/request-error-message';
import { useAction } from '../../hooks/use-action';
import { useAdminSession } from '../../hooks/use-admin-session';

interface RevokeKeyDialogProps {
  apiKey: ApiKey | undefined;
  onClose: () => void;
  onRevoked: (key: ApiKey) => void;
}

/** Asks before revoking: it cannot be undone, and every client using the key gets 401 from then on. */
export function RevokeKeyDialog({ apiKey, onClose, onRevoked }: RevokeKeyDialogProps) {
  const { api } = useAdminSession();
  const revoke = useAction(useCallback((id: string) => keysApi.revoke(api, id), [api]));
  const { reset } = revoke;
  const close = useCallback(() => {
    reset();
    onClose();
  }, [reset, onClose]);

  const confirm = async () => {
    if (!apiKey) return;
    const revoked = await revoke.run(apiKey.id);
    if (revoked) onRevoked(revoked);
  };

  return (
    <ModalDialog title="Revoke key?" open={apiKey !== undefined} onClose={close}>
      {apiKey ? (
        <>
          <p>
            Revoke <strong>{apiKey.name}</strong> (<code>{apiKey.prefix}…</code>)? Every client using it gets 401 from then on. This
            cannot be undone.
          </p>
          {revoke.error ? <RequestErrorMessage title="Could not revoke the key" error={revoke.error} /> : null}
          <div className="form__actions">
            <button type="button" className="button" onClick={close} autoFocus>
              Cancel
            </button>
            <button type="button" className="button button--danger-solid" onClick={() => void confirm()} disabled={revoke.pending}>
              {revoke.pending ? 'Revoking…' : 'Revoke key'}
            </button>
          </div>
        </>
      ) : null}
    </ModalDialog>
  );
}
