import { type BudgetPeriod, type CreateTeamRequest, type Team } from '@gatehouse/contracts';
import { type FormEvent, useCallback, useState } from 'react';
import { issueAt } from '../../api/issue-at';
import { teamsApi } from '../../api/teams-api';
import { FormField } from '../../components/form-field';
import { RequestErrorMessage } from '../../components/request-error-message';
import { useAction } from '../../hooks/use-action';
import { useAdminSession } from '../../hooks/use-admin-session';

interface CreateTeamFormProps {
  onCreated: (team: Team) => void;
}

/** A team name and, optionally, a budget shared by all its keys. */
export function CreateTeamForm({ onCreated }: CreateTeamFormProps) {
  const { api } = useAdminSession();
  const [name, setName] = useState('');
  const [budgetTokens, setBudgetTokens] = useState('');
  const [budgetCostUsd, setBudgetCostUsd] = useState('');
  const [budgetPeriod, setBudgetPeriod] = useState<BudgetPeriod>('month');
  const create = useAction(useCallback((body: CreateTeamRequest) => teamsApi.create(api, body), [api]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const tokens = budgetTokens.trim() === '' ? undefined : Number(budgetTokens);
    const cost = budgetCostUsd.trim() === '' ? undefined : Number(budgetCostUsd);
    const budget = tokens === undefined && cost === undefined ? undefined : { tokens, cost_usd: cost, period: budgetPeriod };
    const team = await create.run({ name, budget });
    if (!team) return;
    setName('');
    setBudgetTokens('');
    setBudgetCostUsd('');
    onCreated(team);
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label="Create a team">
      <FormField label="Team name" error={issueAt(create.error, 'name')}>
        {(control) => <input {...control} className="input" value={name} onChange={(event) => setName(event.target.value)} required />}
      </FormField>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Budget (optional, shared by the team&apos;s keys)</legend>
        <div className="field-row">
          <FormField label="Tokens" error={issueAt(create.error, 'budget.tokens') ?? issueAt(create.error, 'budget')}>
            {(control) => <input {...control} className="input" type="number" value={budgetTokens} onChange={(event) => setBudgetTokens(event.target.value)} />}
          </FormField>
          <FormField label="Cost (USD)" error={issueAt(create.error, 'budget.cost_usd')}>
            {(control) => (
              <input {...control} className="input" type="number" step="0.01" value={budgetCostUsd} onChange={(event) => setBudgetCostUsd(event.target.value)} />
            )}
          </FormField>
          <FormField label="Per">
            {(control) => (
              <select {...control} className="select" value={budgetPeriod} onChange={(event) => setBudgetPeriod(event.target.value as BudgetPeriod)}>
                <option value="day">day</option>
                <option value="month">month</option>
              </select>
            )}
          </FormField>
        </div>
      </fieldset>
      {create.error ? <RequestErrorMessage title="Could not create the team" error={create.error} /> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.pending}>
          {create.pending ? 'Creating…' : 'Create team'}
        </button>
      </div>
    </form>
  );
}
