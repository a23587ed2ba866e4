import { type EffectiveModel } from '@gatehouse/contracts';
import { useCallback } from 'react';
import { modelsApi } from '../../api/models-api';
import { ModalDialog } from '../../components/modal-dialog';
import { RequestErrorMessage } from '../../components/request-error-message';
import { useAction } from '../../hooks/use-action';
import { useAdminSession } from '../../hooks/use-admin-session';

interface DeleteOverrideDialogProps {
  model: EffectiveModel | undefined;
  onClose: () => void;
  onDeleted: () => void;
}

export function DeleteOverrideDialog({ model, onClose, onDeleted }: DeleteOverrideDialogProps) {
  const { api } = useAdminSession();
  const remove = useAction(useCallback((name: string) => modelsApi.deleteOverride(api, name).then(() => true), [api]));
  const { reset } = remove;
  const close = useCallback(() => {
    reset();
    onClose();
  }, [reset, onClose]);

  const confirm = async () => {
    if (model && (await remove.run(model.name))) onDeleted();
  };

  return (
    <ModalDialog title="Delete override?" open={model !== undefined} onClose={close}>
      {model ? (
        <>
          <p>
            {model.in_config_file ? (
              <>
                <code>{model.name}</code> goes back to its definition in the config file.
              </>
            ) : (
              <>
                <code>{model.name}</code> exists only as an override: deleting it removes the model, and clients calling it get 404.
              </>
            )}
          </p>
          {remove.error ? <RequestErrorMessage title="Could not delete the override" error={remove.error} /> : null}
          <div className="form__actions">
            <button type="button" className="button" onClick={close} autoFocus>
              Cancel
            </button>
            <button type="button" className="button button--danger-solid" onClick={() => void confirm()} disabled={remove.pending}>
              {remove.pending ? 'Deleting…' : 'Delete override'}
            </button>
          </div>
        </>
      ) : null}
    </ModalDialog>
  );
}
