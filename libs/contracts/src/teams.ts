import { z } from 'zod';
import { budgetSchema } from './budget';

/** `POST /admin/api/teams` */
export const createTeamRequestSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  budget: budgetSchema.optional(),
});

/** `PATCH /admin/api/teams/{name}`: `budget: null` removes the team budget. */
export const updateTeamRequestSchema = z.strictObject({ budget: budgetSchema.nullable() });

export const teamSchema = z.object({
  name: z.string(),
  budget: budgetSchema.nullable(),
  /** Keys (not revoked) that belong to the team, from the database and the config file. */
  key_count: z.number().int(),
  created_at: z.string().nullable(),
  /** `config`: only named in the config file (`teams`, or by bootstrap keys); `database`: made here or given a budget here. */
  source: z.enum(['config', 'database']),
});

export const teamListSchema = z.object({ data: z.array(teamSchema) });

export type CreateTeamRequest = z.input<typeof createTeamRequestSchema>;
export type UpdateTeamRequest = z.input<typeof updateTeamRequestSchema>;
export type Team = z.output<typeof teamSchema>;
export type TeamList = z.output<typeof teamListSchema>;
