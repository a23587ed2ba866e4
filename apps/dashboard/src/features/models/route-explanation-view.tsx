import { type RouteExplanation } from '../../api/route-explanation';
import { ScrollableTable } from '../../components/scrollable-table';
import { StatusBadge } from '../../components/status-badge';
import { ConditionTraceTree } from './condition-trace-tree';

interface RouteExplanationViewProps {
  explanation: RouteExplanation;
}

/** The decision, the target, the order of attempts and the trace of every decision looked at. */
export function RouteExplanationView({ explanation }: RouteExplanationViewProps) {
  const { facts } = explanation;
  return (
    <section className="explanation" aria-label="Route explanation">
      <dl className="summary-list">
        <div>
          <dt>Requested model</dt>
          <dd>
            <code>{explanation.requested_model}</code>
          </dd>
        </div>
        <div>
          <dt>Routed to</dt>
          <dd>
            <code>{explanation.model}</code>
          </dd>
        </div>
        <div>
          <dt>Decision</dt>
          <dd>{explanation.decision ?? `none (${explanation.decision_header})`}</dd>
        </div>
        <div>
          <dt>First target</dt>
          <dd>{explanation.target ? `${explanation.target.provider} · ${explanation.target.model}` : 'none available'}</dd>
        </div>
        <div>
          <dt>Dialect</dt>
          <dd>
            {facts.dialect} ({facts.dialect_source})
          </dd>
        </div>
        <div>
          <dt>Domain</dt>
          <dd>
            {facts.domain.domain} ({facts.domain.confidence.toFixed(2)}, {facts.domain.source})
          </dd>
        </div>
        <div>
          <dt>Prompt tokens</dt>
          <dd>{facts.prompt_tokens}</dd>
        </div>
      </dl>

      <h3 className="explanation__heading">Attempts, in order</h3>
      <ScrollableTable label="Attempts">
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Model</th>
              <th scope="col">Provider</th>
              <th scope="col">Upstream model</th>
              <th scope="col" className="data-table__number">
                Weight
              </th>
              <th scope="col" className="data-table__number">
                Retries
              </th>
              <th scope="col">Kind</th>
            </tr>
          </thead>
          <tbody>
            {explanation.attempts.map((attempt, index) => (
              <tr key={index}>
                <td>{index + 1}</td>
                <td>
                  <code>{attempt.model}</code>
                </td>
                <td>{attempt.provider}</td>
                <td>
                  <code>{attempt.upstream_model}</code>
                </td>
                <td className="data-table__number">{attempt.weight}</td>
                <td className="data-table__number">{attempt.retries}</td>
                <td>{attempt.fallback ? 'fallback' : index === 0 ? 'weighted pick' : 'other target'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>

      {explanation.skipped.length > 0 ? (
        <>
          <h3 className="explanation__heading">Skipped targets</h3>
          <ul className="plain-list">
            {explanation.skipped.map((skipped, index) => (
              <li key={index}>
                {skipped.provider} · <code>{skipped.upstream_model}</code> ({skipped.model}): {skipped.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3 className="explanation__heading">Decision trace</h3>
      {explanation.trace.length === 0 ? (
        <p className="muted">No decisions were looked at: the request named a model, so routing decisions do not apply.</p>
      ) : (
        <ol className="decision-trace" aria-label="Decision trace">
          {explanation.trace.map((decision) => (
            <li key={decision.name} className="decision-trace__item">
              <p className="decision-trace__title">
                <StatusBadge tone={decision.matched ? 'ok' : 'neutral'}>{decision.matched ? 'matched' : 'no match'}</StatusBadge>{' '}
                <strong>{decision.name}</strong> <span className="muted">priority {decision.priority} → </span>
                <code>{decision.model}</code>
              </p>
              <ConditionTraceTree condition={decision.when} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
