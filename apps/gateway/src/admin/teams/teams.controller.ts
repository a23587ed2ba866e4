import { createTeamRequestSchema, updateTeamRequestSchema, type Team, type TeamList } from '@gatehouse/contracts';
import { Body, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { AdminApi } from '../admin-api.decorator';
import { validated } from '../validated';
import { TeamAdminService } from './team-admin.service';

@AdminApi('teams')
export class TeamsController {
  constructor(@Inject(TeamAdminService) private readonly teams: TeamAdminService) {}

  @Get()
  async list(): Promise<TeamList> {
    return { data: await this.teams.list() };
  }

  @Post()
  @HttpCode(201)
  create(@Body() body: unknown): Promise<Team> {
    return this.teams.create(validated(createTeamRequestSchema, body));
  }

  @Patch(':name')
  update(@Param('name') name: string, @Body() body: unknown): Promise<Team> {
    return this.teams.update(name, validated(updateTeamRequestSchema, body));
  }
}
