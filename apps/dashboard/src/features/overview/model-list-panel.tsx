import { fetchModelList, type ModelSummary } from '../../api/fetch-model-list';
import { GatewayRequestError } from '../../api/gateway-request-error';
import { CheckedAt } from '../../components/checked-at';
import { Panel } from '../../components/panel';
import { RefreshButton } from '../../components/refresh-button';
import { StatusMessage } from '../../components/status-message';
import { type RemoteData, useRemoteData } from '../../hooks/use-remote-data';

export function ModelListPanel() {
  const { data, refreshing, refresh } = useRemoteData(fetchModelList);
  return (
    <Panel
      title="Models"
      aside={
        <div className="panel__aside">
          {data.state === 'ready' && data.value.length > 0 ? (
            <span className="count-badge" aria-label={`${data.value.length} models`}>
              {data.value.length}
            </span>
          ) : null}
          <RefreshButton onRefresh={refresh} refreshing={refreshing} subject="models" />
        </div>
      }
      footer={<CheckedAt time={data.state === 'loading' ? undefined : data.checkedAt} />}
    >
      <ModelListContent data={data} />
    </Panel>
  );
}

function ModelListContent({ data }: { data: RemoteData<ModelSummary[]> }) {
  switch (data.state) {
    case 'loading':
      return <StatusMessage tone="pending" label="Loading models…" />;
    case 'failed':
      return <StatusMessage tone="error" label="Could not load models" detail={explainModelListFailure(data.error)} />;
    case 'ready':
      return data.value.length === 0 ? <EmptyModelList /> : <ModelList models={data.value} />;
  }
}

function EmptyModelList() {
  return (
    <div className="empty-state">
      <p className="empty-state__title">No models configured — add a provider</p>
      <p className="empty-state__hint">
        List it under <code>providers:</code> in the config file and name the models clients may call under{' '}
        <code>models:</code>.
      </p>
    </div>
  );
}

function ModelList({ models }: { models: ModelSummary[] }) {
  return (
    <ul className="model-list">
      {models.map((model) => (
        <li key={model.id} className="model-list__item">
          <code className="model-list__id">{model.id}</code>
          {model.ownedBy ? <span className="model-list__owner">{model.ownedBy}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function explainModelListFailure(error: Error): string {
  if (error instanceof GatewayRequestError && error.status === 401) {
    return `${error.message}. The gateway runs with auth.mode: keys, so /v1/models needs a gateway key.`;
  }
  return error.message;
}
