import { useCallback } from 'react';
import { fetchGatewayHealth, type GatewayHealth } from '../../api/fetch-gateway-health';
import { fetchGatewayReadiness, type GatewayReadiness } from '../../api/fetch-gateway-readiness';
import { GatewayRequestError } from '../../api/gateway-request-error';
import { CheckedAt } from '../../components/checked-at';
import { Panel } from '../../components/panel';
import { RefreshButton } from '../../components/refresh-button';
import { StatusMessage } from '../../components/status-message';
import { type RemoteData, useRemoteData } from '../../hooks/use-remote-data';

const healthRefreshIntervalMs = 15_000;

/** Liveness (`/health`) and readiness (`/ready`, with each check), re-checked every 15 s. */
export function GatewayHealthPanel() {
  const health = useRemoteData(fetchGatewayHealth, healthRefreshIntervalMs);
  const readiness = useRemoteData(fetchGatewayReadiness, healthRefreshIntervalMs);
  const { refresh: refreshHealth } = health;
  const { refresh: refreshReadiness } = readiness;
  const refresh = useCallback(() => {
    refreshHealth();
    refreshReadiness();
  }, [refreshHealth, refreshReadiness]);

  return (
    <Panel
      title="Gateway status"
      aside={<RefreshButton onRefresh={refresh} refreshing={health.refreshing || readiness.refreshing} subject="gateway status" />}
      footer={<CheckedAt time={health.data.state === 'loading' ? undefined : health.data.checkedAt} />}
    >
      <HealthStatus data={health.data} />
      <ReadinessStatus data={readiness.data} />
      <p className="panel__note">
        Serving at <code>{window.location.origin}</code>
      </p>
    </Panel>
  );
}

function HealthStatus({ data }: { data: RemoteData<GatewayHealth> }) {
  switch (data.state) {
    case 'loading':
      return <StatusMessage tone="pending" label="Checking the gateway…" />;
    case 'failed':
      return <StatusMessage tone="error" label={failureLabelOf(data.error)} detail={data.error.message} />;
    case 'ready':
      return data.value.status === 'ok' ? (
        <StatusMessage tone="ok" label="Gateway healthy" />
      ) : (
        <StatusMessage tone="warning" label={`Gateway reports “${data.value.status}”`} />
      );
  }
}

function ReadinessStatus({ data }: { data: RemoteData<GatewayReadiness> }) {
  if (data.state === 'loading') return null;
  if (data.state === 'failed') return <p className="readiness__failure">Readiness unknown: {data.error.message}</p>;
  const { ready, checks } = data.value;
  return (
    <div className="readiness">
      <p className="readiness__summary">{ready ? 'Ready to serve requests' : 'Not ready to serve requests'}</p>
      <ul className="check-list" aria-label="Readiness checks">
        {checks.map((check) => (
          <li key={check.name} className={`check-list__item check-list__item--${check.ok ? 'ok' : 'failed'}`}>
            <span className="check-list__mark" aria-hidden="true">
              {check.ok ? '✓' : '✗'}
            </span>
            <span className="check-list__name">{check.name}</span>
            <span className="check-list__result">{check.ok ? 'ok' : (check.detail ?? 'failed')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

// A gateway that answers with an error status is up but unwell; one that does not answer at all is unreachable.
function failureLabelOf(error: Error): string {
  return error instanceof GatewayRequestError && error.status !== undefined ? 'Health check failed' : 'Gateway unreachable';
}
