import { fetchGatewayHealth, type GatewayHealth } from '../../api/fetch-gateway-health';
import { GatewayRequestError } from '../../api/gateway-request-error';
import { CheckedAt } from '../../components/checked-at';
import { Panel } from '../../components/panel';
import { RefreshButton } from '../../components/refresh-button';
import { StatusMessage } from '../../components/status-message';
import { type RemoteData, useRemoteData } from '../../hooks/use-remote-data';

const healthRefreshIntervalMs = 15_000;

export function GatewayHealthPanel() {
  const { data, refreshing, refresh } = useRemoteData(fetchGatewayHealth, healthRefreshIntervalMs);
  return (
    <Panel
      title="Gateway status"
      aside={<RefreshButton onRefresh={refresh} refreshing={refreshing} subject="gateway status" />}
      footer={<CheckedAt time={data.state === 'loading' ? undefined : data.checkedAt} />}
    >
      <HealthStatus data={data} />
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

// A gateway that answers with an error status is up but unwell; one that does not answer at all is unreachable.
function failureLabelOf(error: Error): string {
  return error instanceof GatewayRequestError && error.status !== undefined ? 'Health check failed' : 'Gateway unreachable';
}
