import { type CreatedApiKey, type CreateKeyRequest } from '@gatehouse/contracts';
import { type FormEvent, useCallback, useId, useState } from 'react';
import { issueAt } from '../../api/issue-at';
import { keysApi } from '../../api/keys-api';
import { FormField } from '../../components/form-field';
import { Panel } from '../../components/panel';
import { RequestErrorMessage } from '../../components/request-error-message';
import { useAction } from '../../hooks/use-action';
import { useAdminSession } from '../../hooks/use-admin-session';
import { emptyKeySettingsDraft, keySettingsOf } from './key-settings-draft';
import { KeySettingsFields } from './key-settings-fields';

interface CreateKeyPanelProps {
  modelNames: readonly string[];
  teamNames: readonly string[];
  onCreated: (key: CreatedApiKey) => void;
}

/** Makes a gateway key; the answer (with the secret) goes to `onCreated`, and the form starts over. */
export function CreateKeyPanel({ modelNames, teamNames, onCreated }: CreateKeyPanelProps) {
  const { api } = useAdminSession();
  const [name, setName] = useState('');
  const [team, setTeam] = useState('');
  const [settings, setSettings] = useState(emptyKeySettingsDraft);
  const create = useAction(useCallback((body: CreateKeyRequest) => keysApi.create(api, body), [api]));
  const teamListId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { models, limits, budget, expires_at } = keySettingsOf(settings);
    const created = await create.run({
      name,
      team: team.trim() || undefined,
      models: models ?? undefined,
      limits: limits ?? undefined,
      budget: budget ?? undefined,
      expires_at: expires_at ?? undefined,
    });
    if (!created) return;
    setName('');
    setTeam('');
    setSettings(emptyKeySettingsDraft);
    onCreated(created);
  };

  return (
    <Panel title="Create a key">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label="Create a key">
        <div className="field-row">
          <FormField label="Name" hint="Who or what uses the key: a person, a service." error={issueAt(create.error, 'name')}>
            {(control) => <input {...control} className="input" value={name} onChange={(event) => setName(event.target.value)} required />}
          </FormField>
          <FormField label="Team" hint="Optional; a new team name makes the team." error={issueAt(create.error, 'team')}>
            {(control) => (
              <>
                <input {...control} className="input" list={teamListId} value={team} onChange={(event) => setTeam(event.target.value)} />
                <datalist id={teamListId}>
                  {teamNames.map((teamName) => (
                    <option key={teamName} value={teamName} />
                  ))}
                </datalist>
              </>
            )}
          </FormField>
        </div>
        <KeySettingsFields draft={settings} onChange={setSettings} modelNames={modelNames} error={create.error} />
        {create.error ? <RequestErrorMessage title="Could not create the key" error={create.error} /> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={create.pending}>
            {create.pending ? 'Creating…' : 'Create key'}
          </button>
        </div>
      </form>
    </Panel>
  );
}
