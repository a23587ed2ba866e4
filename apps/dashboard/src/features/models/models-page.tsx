import { type EffectiveModel } from '@gatehouse/contracts';
import { useState } from 'react';
import { modelsApi } from '../../api/models-api';
import { providersApi } from '../../api/providers-api';
import { CheckedAt } from '../../components/checked-at';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { RefreshButton } from '../../components/refresh-button';
import { RemoteContent } from '../../components/remote-content';
import { useAdminData } from '../../hooks/use-admin-data';
import { DeleteOverrideDialog } from './delete-override-dialog';
import { ModelOverrideDialog, type OverrideTarget } from './model-override-dialog';
import { ModelTable } from './model-table';
import { RouteExplainPanel } from './route-explain-panel';

/** The models in force (file plus overrides), overrides applied without a restart, and the route explainer. */
export function ModelsPage() {
  const models = useAdminData(modelsApi.list, []);
  const providers = useAdminData(providersApi.list, []);
  const [overriding, setOverriding] = useState<OverrideTarget | undefined>(undefined);
  const [deleting, setDeleting] = useState<EffectiveModel | undefined>(undefined);
  const providerNames = providers.data.state === 'ready' ? providers.data.value.map((provider) => provider.name) : [];

  return (
    <>
      <PageHeader
        title="Models & routes"
        description="Each model clients may call, where it goes, and what it falls back to. Overrides take effect at once, in every gateway process."
        actions={
          <button type="button" className="button button--primary" onClick={() => setOverriding({ kind: 'new' })}>
            Add a model
          </button>
        }
      />
      <div className="stack">
        <Panel
          title="Effective models"
          aside={<RefreshButton onRefresh={models.refresh} refreshing={models.refreshing} subject="models" />}
          footer={<CheckedAt time={models.data.state === 'loading' ? undefined : models.data.checkedAt} />}
        >
          <RemoteContent data={models.data} loadingLabel="Loading models…" failureLabel="Could not load models">
            {(list) =>
              list.length === 0 ? (
                <EmptyState title="No models configured" hint="Add one here, or under models: in the config file." />
              ) : (
                <ModelTable models={list} onEdit={(model) => setOverriding({ kind: 'existing', model })} onDeleteOverride={setDeleting} />
              )
            }
          </RemoteContent>
        </Panel>
        <RouteExplainPanel />
      </div>
      <ModelOverrideDialog
        target={overriding}
        providerNames={providerNames}
        onClose={() => setOverriding(undefined)}
        onSaved={() => {
          setOverriding(undefined);
          models.refresh();
        }}
      />
      <DeleteOverrideDialog
        model={deleting}
        onClose={() => setDeleting(undefined)}
        onDeleted={() => {
          setDeleting(undefined);
          models.refresh();
        }}
      />
    </>
  );
}
