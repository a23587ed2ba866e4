import { type BudgetPeriod } from '@gatehouse/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { GatewayError } from '@gatehouse/translate';
import { type Principal } from '../auth/principal';
import { type Admission, type AdmissionCheck, AdmissionChecks, type AdmissionRequest } from '../proxy/admission-checks';
import { budgetWindow } from './budget-window';
import { SpendLedger, type SpendScope } from './spend-ledger';
import { TeamBudgets } from './team-budgets';

export const BUDGET_ORDER = 20;

type BudgetLimits = NonNullable<Principal['budget']>;

const adjective: Record<BudgetPeriod, string> = { day: 'daily', month: 'monthly' };

/**
 * Refuses a request (429 `budget_exceeded`, with `retry-after` until the budget resets) when its key or its team
 * has already spent its token or cost budget for the current day or month. A request that starts under budget is
 * let through whole, so spend can end slightly over.
 */
@Injectable()
export class BudgetCheck implements AdmissionCheck, OnModuleInit {
  constructor(
    @Inject(AdmissionChecks) private readonly checks: AdmissionChecks,
    @Inject(SpendLedger) private readonly ledger: SpendLedger,
    @Inject(TeamBudgets) private readonly teams: TeamBudgets,
  ) {}

  onModuleInit(): void {
    this.checks.register(this, BUDGET_ORDER);
  }

  admit(request: AdmissionRequest, now = Date.now()): Admission | undefined {
    const principal = request.principal;
    if (!principal) return undefined;
    if (principal.budget) this.enforce('key', principal.keyId, `the key "${principal.keyName}"`, principal.budget, now);
    const teamBudget = principal.team ? this.teams.budgetOf(principal.team) : undefined;
    if (principal.team && teamBudget) {
      this.enforce('team', principal.team, `the team "${principal.team}"`, { tokens: teamBudget.tokens, costUsd: teamBudget.cost_usd, period: teamBudget.period }, now);
    }
    return undefined;
  }

  private enforce(scope: SpendScope, id: string, who: string, budget: BudgetLimits, now: number): void {
    const spent = this.ledger.spent(scope, id, budget.period, now);
    const resetAt = budgetWindow(budget.period, now).end;
    const over = (what: string) =>
      new GatewayError('budget_exceeded', `Budget exceeded: ${who} has used ${what} budget; it resets at ${new Date(resetAt).toISOString()}`, {
        retryAfter: Math.ceil((resetAt - now) / 1000),
      });
    if (budget.tokens !== undefined && spent.tokens >= budget.tokens) {
      throw over(`${spent.tokens} tokens of its ${adjective[budget.period]} ${budget.tokens}-token`);
    }
    if (budget.costUsd !== undefined && spent.costUsd >= budget.costUsd) {
      throw over(`$${spent.costUsd.toFixed(4)} of its ${adjective[budget.period]} $${budget.costUsd} cost`);
    }
  }
}
