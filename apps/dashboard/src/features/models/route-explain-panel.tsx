import { type FormEvent, useCallback, useState } from 'react';
import { explainRoute, type RouteExplainOptions } from '../../api/route-explain-api';
import { type ClientDialect } from '../../api/route-explanation';
import { FormField } from '../../components/form-field';
import { Panel } from '../../components/panel';
import { RequestErrorMessage } from '../../components/request-error-message';
import { useAction } from '../../hooks/use-action';
import { useAdminSession } from '../../hooks/use-admin-session';
import { routeExplainExamples } from './route-explain-examples';
import { RouteExplanationView } from './route-explanation-view';

type DialectChoice = ClientDialect | 'guess';

const dialectChoices: { value: DialectChoice; label: string }[] = [
  { value: 'guess', label: 'Guess from the body' },
  { value: 'openai-chat', label: 'OpenAI Chat Completions' },
  { value: 'openai-responses', label: 'OpenAI Responses' },
  { value: 'anthropic-messages', label: 'Anthropic Messages' },
];

const asJson = (value: object) => JSON.stringify(value, null, 2);

/** Paste a request body and see where the gateway would send it, and why; nothing is sent upstream. */
export function RouteExplainPanel() {
  const { api } = useAdminSession();
  const [bodyText, setBodyText] = useState(() => asJson(routeExplainExamples['openai-chat']));
  const [dialect, setDialect] = useState<DialectChoice>('guess');
  const [keyName, setKeyName] = useState('');
  const [team, setTeam] = useState('');
  const [syntaxError, setSyntaxError] = useState<string | undefined>(undefined);
  const explain = useAction(useCallback((body: unknown, options: RouteExplainOptions) => explainRoute(api, body, options), [api]));
  const [explanation, setExplanation] = useState<Awaited<ReturnType<typeof explainRoute>> | undefined>(undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let body: unknown;
    try {
      body = JSON.parse(bodyText);
    } catch (error) {
      setSyntaxError(error instanceof Error ? error.message : String(error));
      return;
    }
    setSyntaxError(undefined);
    setExplanation(undefined);
    const options = { dialect: dialect === 'guess' ? undefined : dialect, keyName: keyName.trim() || undefined, team: team.trim() || undefined };
    setExplanation(await explain.run(body, options));
  };

  const loadExample = () => setBodyText(asJson(routeExplainExamples[dialect === 'guess' ? 'openai-chat' : dialect]));

  return (
    <Panel title="Route explain">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label="Route explain">
        <div className="field-row">
          <FormField label="Dialect">
            {(control) => (
              <select {...control} className="select" value={dialect} onChange={(event) => setDialect(event.target.value as DialectChoice)}>
                {dialectChoices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="As key (name)" hint="Optional, for decisions on key.">
            {(control) => <input {...control} className="input" value={keyName} onChange={(event) => setKeyName(event.target.value)} />}
          </FormField>
          <FormField label="As team" hint="Optional, for decisions on team.">
            {(control) => <input {...control} className="input" value={team} onChange={(event) => setTeam(event.target.value)} />}
          </FormField>
        </div>
        <FormField label="Request body (JSON)" error={syntaxError ? `Not valid JSON: ${syntaxError}` : undefined}>
          {(control) => (
            <textarea
              {...control}
              className="input input--mono textarea"
              rows={9}
              spellCheck={false}
              value={bodyText}
              onChange={(event) => setBodyText(event.target.value)}
            />
          )}
        </FormField>
        <div className="form__actions">
          <button type="button" className="button" onClick={loadExample}>
            Load an example
          </button>
          <button type="submit" className="button button--primary" disabled={explain.pending}>
            {explain.pending ? 'Explaining…' : 'Explain route'}
          </button>
        </div>
      </form>
      {explain.error ? <RequestErrorMessage title="The gateway could not explain this request" error={explain.error} /> : null}
      {explanation ? <RouteExplanationView explanation={explanation} /> : null}
    </Panel>
  );
}
