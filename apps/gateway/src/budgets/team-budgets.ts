import { type Budget } from '@gatehouse/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ChangeFeed } from '../persistence/change-feed';
import { Database } from '../persistence/database';
import { TeamEntity } from '../persistence/entities/team.entity';

/** Team budgets in memory (teams are few), reloaded when the `teams` revision moves. */
@Injectable()
export class TeamBudgets implements OnModuleInit {
  private budgets: ReadonlyMap<string, Budget> = new Map();

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(ChangeFeed) private readonly changes: ChangeFeed,
  ) {}

  async onModuleInit(): Promise<void> {
    this.changes.watch('teams', () => this.reload());
    await this.reload();
  }

  budgetOf(team: string): Budget | undefined {
    return this.budgets.get(team);
  }

  async reload(): Promise<void> {
    const teams = await this.database.dataSource.getRepository(TeamEntity).find();
    this.budgets = new Map(teams.flatMap((team) => (team.budget ? [[team.name, team.budget] as const] : [])));
  }
}
