import { type ApiKey, type UpdateKeyRequest } from '@gatehouse/contracts';
import { type FormEvent, useCallback, useState } from 'react';
import { keysApi } from '../../api/keys-api';
import { ModalDialog } from '../../components/modal-dialog';
import { RequestErrorMessage } from '../../components/request-error-message';
import { useAction } from '../../hooks/use-action';
import { useAdminSession } from '../../hooks/use-admin-session';
import { keySettingsDraftOf, keySettingsOf } from './key-settings-draft';
import { KeySettingsFields } from './key-settings-fields';

interface EditKeyDialogProps {
  /** The key being edited; undefined when the dialog is closed. */
  apiKey: ApiKey | undefined;
  modelNames: readonly string[];
  onClose: () => void;
  onSaved: (key: ApiKey) => void;
}

export function EditKeyDialog({ apiKey, modelNames, onClose, onSaved }: EditKeyDialogProps) {
  return (
    <ModalDialog title={apiKey ? `Edit key “${apiKey.name}”` : 'Edit key'} open={apiKey !== undefined} onClose={onClose}>
      {apiKey ? <EditKeyForm key={apiKey.id} apiKey={apiKey} modelNames={modelNames} onClose={onClose} onSaved={onSaved} /> : null}
    </ModalDialog>
  );
}

function EditKeyForm({ apiKey, modelNames, onClose, onSaved }: EditKeyDialogProps & { apiKey: ApiKey }) {
  const { api } = useAdminSession();
  const [draft, setDraft] = useState(() => keySettingsDraftOf(apiKey));
  const update = useAction(useCallback((body: UpdateKeyRequest) => keysApi.update(api, apiKey.id, body), [api, apiKey.id]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Every setting is sent: an emptied one is null, which removes it.
    const saved = await update.run(keySettingsOf(draft));
    if (saved) onSaved(saved);
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label={`Edit key ${apiKey.name}`}>
      <KeySettingsFields draft={draft} onChange={setDraft} modelNames={modelNames} error={update.error} />
      {update.error ? <RequestErrorMessage title="Could not save the key" error={update.error} /> : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={update.pending}>
          {update.pending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
