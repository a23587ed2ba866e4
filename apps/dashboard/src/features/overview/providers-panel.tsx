import { type ProviderStatus } from '@gatehouse/contracts';
import { providersApi } from '../../api/providers-api';
import { CheckedAt } from '../../components/checked-at';
import { EmptyState } from '../../components/empty-state';
import { Panel } from '../../components/panel';
import { RefreshButton } from '../../components/refresh-button';
import { RemoteContent } from '../../components/remote-content';
import { StatusBadge } from '../../components/status-badge';
import { useAdminData } from '../../hooks/use-admin-data';
import { ProviderTestButton } from './provider-test-button';

const providersRefreshIntervalMs = 15_000;

/** Each provider: where it is, which models use it, whether it answers, and its circuit breaker. */
export function ProvidersPanel() {
  const { data, refreshing, refresh } = useAdminData(providersApi.list, [], providersRefreshIntervalMs);
  return (
    <Panel
      title="Providers"
      aside={<RefreshButton onRefresh={refresh} refreshing={refreshing} subject="providers" />}
      footer={<CheckedAt time={data.state === 'loading' ? undefined : data.checkedAt} />}
    >
      <RemoteContent data={data} loadingLabel="Loading providers…" failureLabel="Could not load providers">
        {(providers) =>
          providers.length === 0 ? (
            <EmptyState title="No providers configured" hint={<>List upstreams under <code>providers:</code> in the config file.</>} />
          ) : (
            <ul className="provider-list">
              {providers.map((provider) => (
                <ProviderItem key={provider.name} provider={provider} />
              ))}
            </ul>
          )
        }
      </RemoteContent>
    </Panel>
  );
}

function ProviderItem({ provider }: { provider: ProviderStatus }) {
  return (
    <li className="provider-list__item" aria-label={provider.name}>
      <div className="provider-list__heading">
        <strong className="provider-list__name">{provider.name}</strong>
        <span className="provider-list__type">{provider.type}</span>
        <span className="provider-list__badges">
          <StatusBadge tone={provider.health.reachable ? 'ok' : 'error'}>{provider.health.reachable ? 'reachable' : 'unreachable'}</StatusBadge>
          {provider.breaker ? <StatusBadge tone={breakerTone(provider.breaker)}>{`circuit ${provider.breaker.replace('_', '-')}`}</StatusBadge> : null}
        </span>
      </div>
      <code className="provider-list__url">{provider.base_url}</code>
      <p className="provider-list__models">
        {provider.models.length > 0 ? `Serves ${provider.models.join(', ')}` : 'No model routes to it'}
      </p>
      <ProviderTestButton provider={provider.name} />
    </li>
  );
}

function breakerTone(state: string): 'ok' | 'warning' | 'error' {
  if (state === 'closed') return 'ok';
  return state === 'open' ? 'error' : 'warning';
}
