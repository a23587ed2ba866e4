import { type BudgetPeriod } from '@gatehouse/contracts';
import { issueAt } from '../../api/issue-at';
import { FormField } from '../../components/form-field';
import { type KeySettingsDraft } from './key-settings-draft';

interface KeySettingsFieldsProps {
  draft: KeySettingsDraft;
  onChange: (draft: KeySettingsDraft) => void;
  /** The model names a key may be limited to. */
  modelNames: readonly string[];
  /** The last refusal, to mark the fields it names. */
  error: Error | undefined;
}

/** Models, limits, budget and expiry: the settings a key is made with and can be changed later. */
export function KeySettingsFields({ draft, onChange, modelNames, error }: KeySettingsFieldsProps) {
  const set = <Field extends keyof KeySettingsDraft>(field: Field, value: KeySettingsDraft[Field]) => onChange({ ...draft, [field]: value });
  const toggleModel = (name: string, allowed: boolean) =>
    set('models', allowed ? [...draft.models, name] : draft.models.filter((model) => model !== name));
  const modelsIssue = issueAt(error, 'models');

  return (
    <>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Models</legend>
        <p className="form-field__hint">Tick the models this key may call; leave all unticked to allow every model.</p>
        {modelNames.length === 0 ? <p className="form-field__hint">No models are configured.</p> : null}
        <div className="checkbox-grid">
          {modelNames.map((name) => (
            <label key={name} className="checkbox">
              <input type="checkbox" checked={draft.models.includes(name)} onChange={(event) => toggleModel(name, event.target.checked)} />
              <code>{name}</code>
            </label>
          ))}
        </div>
        {modelsIssue ? <p className="form-field__error">{modelsIssue}</p> : null}
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">Rate limits</legend>
        <div className="field-row">
          <NumberField label="Requests per minute" value={draft.rpm} onChange={(value) => set('rpm', value)} error={issueAt(error, 'limits.rpm')} />
          <NumberField label="Tokens per minute" value={draft.tpm} onChange={(value) => set('tpm', value)} error={issueAt(error, 'limits.tpm')} />
          <NumberField label="Concurrent requests" value={draft.concurrent} onChange={(value) => set('concurrent', value)} error={issueAt(error, 'limits.concurrent')} />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">Budget</legend>
        <div className="field-row">
          <NumberField label="Tokens" value={draft.budgetTokens} onChange={(value) => set('budgetTokens', value)} error={issueAt(error, 'budget.tokens')} />
          <NumberField label="Cost (USD)" value={draft.budgetCostUsd} step="0.01" onChange={(value) => set('budgetCostUsd', value)} error={issueAt(error, 'budget.cost_usd')} />
          <FormField label="Per">
            {(control) => (
              <select {...control} className="select" value={draft.budgetPeriod} onChange={(event) => set('budgetPeriod', event.target.value as BudgetPeriod)}>
                <option value="day">day</option>
                <option value="month">month</option>
              </select>
            )}
          </FormField>
        </div>
      </fieldset>

      <FormField label="Expires" hint="Leave empty for a key that does not expire." error={issueAt(error, 'expires_at')}>
        {(control) => <input {...control} className="input" type="datetime-local" value={draft.expiresAt} onChange={(event) => set('expiresAt', event.target.value)} />}
      </FormField>
    </>
  );
}

interface NumberFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  step?: string;
}

function NumberField({ label, value, onChange, error, step = '1' }: NumberFieldProps) {
  return (
    <FormField label={label} error={error}>
      {(control) => (
        <input {...control} className="input" type="number" inputMode="decimal" step={step} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </FormField>
  );
}
