import { z } from 'zod';

export const budgetPeriodSchema = z.enum(['day', 'month'], { error: () => 'must be day or month' });

/**
 * A spending cap for a key or a team, as in the config file's `keys[].budget`: total tokens (input + output) and/or
 * estimated cost in USD per calendar day or month (UTC). Over it, requests get 429 `budget_exceeded`.
 */
export const budgetSchema = z
  .strictObject({
    tokens: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
    cost_usd: z.number().positive('must be more than 0').optional(),
    period: budgetPeriodSchema.default('month'),
  })
  .refine((budget) => budget.tokens !== undefined || budget.cost_usd !== undefined, 'set tokens, cost_usd or both');

export type Budget = z.output<typeof budgetSchema>;
export type BudgetPeriod = z.output<typeof budgetPeriodSchema>;
