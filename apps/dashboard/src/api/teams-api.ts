import { type CreateTeamRequest, type Team, teamListSchema, teamSchema } from '@gatehouse/contracts';
import { type AdminApiConnection } from './admin-api-connection';

/** `/admin/api/teams` */
export const teamsApi = {
  async list(api: AdminApiConnection, signal?: AbortSignal): Promise<Team[]> {
    return (await api.json('/teams', teamListSchema, { signal })).data;
  },
  create(api: AdminApiConnection, body: CreateTeamRequest): Promise<Team> {
    return api.json('/teams', teamSchema, { method: 'POST', body });
  },
};
