import { teamsApi } from '../../api/teams-api';
import { CheckedAt } from '../../components/checked-at';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { RefreshButton } from '../../components/refresh-button';
import { RemoteContent } from '../../components/remote-content';
import { useAdminData } from '../../hooks/use-admin-data';
import { CreateTeamForm } from './create-team-form';
import { TeamTable } from './team-table';

/** Teams group keys for usage analytics, shared limits and budgets. */
export function TeamsPage() {
  const teams = useAdminData(teamsApi.list, []);
  return (
    <>
      <PageHeader title="Teams" description="Teams group keys for analytics and share a budget." />
      <div className="panel-grid panel-grid--wide-first">
        <Panel
          title="All teams"
          aside={<RefreshButton onRefresh={teams.refresh} refreshing={teams.refreshing} subject="teams" />}
          footer={<CheckedAt time={teams.data.state === 'loading' ? undefined : teams.data.checkedAt} />}
        >
          <RemoteContent data={teams.data} loadingLabel="Loading teams…" failureLabel="Could not load teams">
            {(list) => (list.length === 0 ? <EmptyState title="No teams yet" hint="Create one here, or name a team when creating a key." /> : <TeamTable teams={list} />)}
          </RemoteContent>
        </Panel>
        <Panel title="Create a team">
          <CreateTeamForm onCreated={teams.refresh} />
        </Panel>
      </div>
    </>
  );
}
