import { type EffectiveModel } from '@gatehouse/contracts';
import { type FormEvent, useCallback, useState } from 'react';
import { issueAt } from '../../api/issue-at';
import { modelsApi } from '../../api/models-api';
import { FormField } from '../../components/form-field';
import { ModalDialog } from '../../components/modal-dialog';
import { RequestErrorMessage } from '../../components/request-error-message';
import { useAction } from '../../hooks/use-action';
import { useAdminSession } from '../../hooks/use-admin-session';
import { modelDefinitionOf } from './model-definition-of';

/** Which override is edited: an existing model's, or a new model's. */
export type OverrideTarget = { kind: 'existing'; model: EffectiveModel } | { kind: 'new' };

interface ModelOverrideDialogProps {
  target: OverrideTarget | undefined;
  providerNames: readonly string[];
  onClose: () => void;
  onSaved: (model: EffectiveModel) => void;
}

const newModelTemplate = (providerName: string | undefined) => ({ targets: [{ provider: providerName ?? 'PROVIDER', model: 'UPSTREAM-MODEL-ID', weight: 1 }] });

export function ModelOverrideDialog({ target, providerNames, onClose, onSaved }: ModelOverrideDialogProps) {
  const title = target?.kind === 'existing' ? `Override “${target.model.name}”` : 'Add a model';
  return (
    <ModalDialog title={title} open={target !== undefined} onClose={onClose}>
      {target ? <ModelOverrideForm target={target} providerNames={providerNames} onClose={onClose} onSaved={onSaved} /> : null}
    </ModalDialog>
  );
}

/**
 * The override as JSON, in the config file's `models[]` shape without the name. It is not checked here: the gateway
 * validates it as it would the config file (references included) and its 400 names each bad field.
 */
function ModelOverrideForm({ target, providerNames, onClose, onSaved }: ModelOverrideDialogProps & { target: OverrideTarget }) {
  const { api } = useAdminSession();
  const [name, setName] = useState(target.kind === 'existing' ? target.model.name : '');
  const [definitionText, setDefinitionText] = useState(() =>
    JSON.stringify(target.kind === 'existing' ? modelDefinitionOf(target.model) : newModelTemplate(providerNames[0]), null, 2),
  );
  const [syntaxError, setSyntaxError] = useState<string | undefined>(undefined);
  const save = useAction(useCallback((modelName: string, definition: unknown) => modelsApi.putOverride(api, modelName, definition), [api]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let definition: unknown;
    try {
      definition = JSON.parse(definitionText);
    } catch (error) {
      setSyntaxError(error instanceof Error ? error.message : String(error));
      return;
    }
    setSyntaxError(undefined);
    const saved = await save.run(name.trim(), definition);
    if (saved) onSaved(saved);
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label="Model override">
      {target.kind === 'new' ? (
        <FormField label="Model name" hint="The name clients send as model." error={issueAt(save.error, 'name')}>
          {(control) => <input {...control} className="input" value={name} onChange={(event) => setName(event.target.value)} required />}
        </FormField>
      ) : null}
      <FormField
        label="Definition (JSON)"
        hint={
          <>
            As under <code>models:</code> in the config file, without <code>name</code>: <code>targets</code> (provider, model, weight),{' '}
            <code>fallbacks</code>, <code>max_tokens_default</code>, <code>vision</code>, <code>pricing</code>, <code>limits</code>.
            {providerNames.length > 0 ? <> Providers: {providerNames.join(', ')}.</> : null}
          </>
        }
        error={syntaxError ? `Not valid JSON: ${syntaxError}` : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            className="input input--mono textarea"
            rows={14}
            spellCheck={false}
            value={definitionText}
            onChange={(event) => setDefinitionText(event.target.value)}
          />
        )}
      </FormField>
      {save.error ? <RequestErrorMessage title="The gateway refused the override" error={save.error} /> : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={save.pending}>
          {save.pending ? 'Saving…' : 'Save override'}
        </button>
      </div>
    </form>
  );
}
