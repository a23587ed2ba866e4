import { type createTeamRequestSchema, type Team, type updateTeamRequestSchema } from '@gatehouse/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { GatewayError } from '@gatehouse/translate';
import { IsNull } from 'typeorm';
import { type z } from 'zod';
import { ChangeFeed } from '../../persistence/change-feed';
import { Database } from '../../persistence/database';
import { ApiKeyEntity } from '../../persistence/entities/api-key.entity';
import { TeamEntity, type TeamRow } from '../../persistence/entities/team.entity';
import { EffectiveConfig } from '../effective-config';
import { isoTimeOf } from '../iso-time-of';

type CreateTeam = z.output<typeof createTeamRequestSchema>;
type UpdateTeam = z.output<typeof updateTeamRequestSchema>;

/** Teams: those made here, and those only named in the config file (`teams`, or by bootstrap keys). */
@Injectable()
export class TeamAdminService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(ChangeFeed) private readonly changes: ChangeFeed,
    @Inject(EffectiveConfig) private readonly effective: EffectiveConfig,
  ) {}

  async list(): Promise<Team[]> {
    const rows = await this.database.dataSource.getRepository(TeamEntity).find({ order: { name: 'ASC' } });
    const counts = await this.keyCounts();
    const stored = new Set(rows.map((row) => row.name));
    const file = this.effective.file;
    const named = [...(file.teams ?? []).map((team) => team.name), ...file.keys.flatMap((key) => (key.team ? [key.team] : []))];
    const configOnly = [...new Set(named)].filter((name) => !stored.has(name)).sort();
    return [
      ...rows.map((row) => teamViewOf(row, counts.get(row.name) ?? 0)),
      ...configOnly.map((name): Team => ({ name, budget: null, key_count: counts.get(name) ?? 0, created_at: null, source: 'config' })),
    ].sort((a, b) => a.name.localeCompare(b.name));
  }

  async create(body: CreateTeam, now = Date.now()): Promise<Team> {
    const row: TeamRow = { name: body.name, budget: body.budget ?? null, created_at: now };
    await this.database.dataSource.transaction(async (manager) => {
      if (await manager.getRepository(TeamEntity).existsBy({ name: row.name })) {
        throw new GatewayError('invalid_request', `The team "${row.name}" already exists`, { status: 409, param: 'name' });
      }
      await manager.getRepository(TeamEntity).insert(row);
      await this.changes.bump(manager, 'teams');
    });
    await this.changes.changed('teams');
    return teamViewOf(row, (await this.keyCounts()).get(row.name) ?? 0);
  }

  /** Sets or removes a team's budget; a team only named in the config file is stored here on its first change. */
  async update(name: string, body: UpdateTeam, now = Date.now()): Promise<Team> {
    const file = this.effective.file;
    const namedByConfig = file.keys.some((key) => key.team === name) || (file.teams ?? []).some((team) => team.name === name);
    const row = await this.database.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(TeamEntity);
      const existing = await repository.findOneBy({ name });
      if (!existing && !namedByConfig) throw new GatewayError('not_found', `There is no team "${name}"`);
      const next: TeamRow = existing ? { ...existing, budget: body.budget } : { name, budget: body.budget, created_at: now };
      if (existing) await repository.update({ name }, { budget: next.budget });
      else await repository.insert(next);
      await this.changes.bump(manager, 'teams');
      return next;
    });
    await this.changes.changed('teams');
    return teamViewOf(row, (await this.keyCounts()).get(name) ?? 0);
  }

  /** Unrevoked keys per team, from the database and the config file. */
  private async keyCounts(): Promise<Map<string, number>> {
    const rows: { team: string; count: unknown }[] = await this.database.dataSource
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('k')
      .select('k.team', 'team')
      .addSelect('COUNT(*)', 'count')
      .where({ revoked_at: IsNull() })
      .andWhere('k.team IS NOT NULL')
      .groupBy('k.team')
      .getRawMany();
    const counts = new Map(rows.map((row) => [row.team, Number(row.count)]));
    for (const key of this.effective.file.keys) if (key.team) counts.set(key.team, (counts.get(key.team) ?? 0) + 1);
    return counts;
  }
}

function teamViewOf(row: TeamRow, keyCount: number): Team {
  return { name: row.name, budget: row.budget, key_count: keyCount, created_at: isoTimeOf(row.created_at), source: 'database' };
}
