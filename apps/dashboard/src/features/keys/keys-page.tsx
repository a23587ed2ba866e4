import { type ApiKey, type CreatedApiKey } from '@gatehouse/contracts';
import { useState } from 'react';
import { keysApi } from '../../api/keys-api';
import { modelsApi } from '../../api/models-api';
import { teamsApi } from '../../api/teams-api';
import { CheckedAt } from '../../components/checked-at';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { RefreshButton } from '../../components/refresh-button';
import { RemoteContent } from '../../components/remote-content';
import { useAdminData } from '../../hooks/use-admin-data';
import { CreateKeyPanel } from './create-key-panel';
import { EditKeyDialog } from './edit-key-dialog';
import { NewKeySecret } from './new-key-secret';
import { KeyTable } from './key-table';
import { RevokeKeyDialog } from './revoke-key-dialog';

/** Gateway keys: the list, making one (its secret shown once), changing and revoking. */
export function KeysPage() {
  const keys = useAdminData(keysApi.list, []);
  const models = useAdminData(modelsApi.list, []);
  const teams = useAdminData(teamsApi.list, []);
  const [created, setCreated] = useState<CreatedApiKey | undefined>(undefined);
  const [editing, setEditing] = useState<ApiKey | undefined>(undefined);
  const [revoking, setRevoking] = useState<ApiKey | undefined>(undefined);

  const modelNames = models.data.state === 'ready' ? models.data.value.map((model) => model.name) : [];
  const teamNames = teams.data.state === 'ready' ? teams.data.value.map((team) => team.name) : [];

  return (
    <>
      <PageHeader title="Keys" description="Keys clients use to call the gateway, with the models, limits and budget each may use." />
      {created ? <NewKeySecret createdKey={created} onDismiss={() => setCreated(undefined)} /> : null}
      <div className="stack">
        <Panel
          title="All keys"
          aside={<RefreshButton onRefresh={keys.refresh} refreshing={keys.refreshing} subject="keys" />}
          footer={<CheckedAt time={keys.data.state === 'loading' ? undefined : keys.data.checkedAt} />}
        >
          <RemoteContent data={keys.data} loadingLabel="Loading keys…" failureLabel="Could not load keys">
            {(list) =>
              list.length === 0 ? (
                <EmptyState title="No keys yet" hint="Create one below, or list bootstrap keys under keys: in the config file." />
              ) : (
                <KeyTable keys={list} onEdit={setEditing} onRevoke={setRevoking} />
              )
            }
          </RemoteContent>
        </Panel>
        <CreateKeyPanel
          modelNames={modelNames}
          teamNames={teamNames}
          onCreated={(key) => {
            setCreated(key);
            keys.refresh();
            teams.refresh();
          }}
        />
      </div>
      <EditKeyDialog
        apiKey={editing}
        modelNames={modelNames}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          keys.refresh();
        }}
      />
      <RevokeKeyDialog
        apiKey={revoking}
        onClose={() => setRevoking(undefined)}
        onRevoked={() => {
          setRevoking(undefined);
          keys.refresh();
        }}
      />
    </>
  );
}
