import { type BudgetPeriod } from '@gatehouse/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { RequestObservers } from '../observability/request-observers';
import { type RequestObserver, type RequestOutcome } from '../observability/request-outcome';
import { Database } from '../persistence/database';
import { UsageRecordEntity } from '../persistence/entities/usage-record.entity';
import { budgetWindow } from './budget-window';
import { PriceTable } from './price-table';

export type SpendScope = 'key' | 'team';

export interface Spend {
  /** Input plus output tokens. */
  tokens: number;
  costUsd: number;
}

const PERIODS: readonly BudgetPeriod[] = ['day', 'month'];
const PRUNE_EVERY_MS = 3_600_000;

interface Entry extends Spend {
  windowEnd: number;
}

/**
 * What each key and team has spent this day and this month, in memory: seeded from the usage records when the
 * process starts, then added to as requests finish. With several gateway replicas each one counts only its own
 * traffic after start, so a budget can be overrun by up to one replica's share until they restart: budgets are a
 * guard rail, not billing.
 */
@Injectable()
export class SpendLedger implements OnModuleInit, RequestObserver {
  private readonly entries = new Map<string, Entry>();
  private nextPrune = 0;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(RequestObservers) private readonly observers: RequestObservers,
    @Inject(PriceTable) private readonly prices: PriceTable,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.seed(Date.now());
    this.observers.register(this);
  }

  spent(scope: SpendScope, id: string, period: BudgetPeriod, now = Date.now()): Spend {
    const entry = this.entries.get(entryKey(scope, id, period, budgetWindow(period, now).start));
    return entry ? { tokens: entry.tokens, costUsd: entry.costUsd } : { tokens: 0, costUsd: 0 };
  }

  requestCompleted(outcome: RequestOutcome): void {
    const principal = outcome.principal;
    if (!principal) return;
    const spend = { tokens: outcome.usage.inputTokens + outcome.usage.outputTokens, costUsd: this.prices.costOf(outcome) };
    if (spend.tokens === 0 && spend.costUsd === 0) return;
    const at = outcome.startedAt.getTime();
    this.add('key', principal.keyId, at, spend);
    if (principal.team) this.add('team', principal.team, at, spend);
  }

  add(scope: SpendScope, id: string, at: number, spend: Spend): void {
    for (const period of PERIODS) {
      const window = budgetWindow(period, at);
      const key = entryKey(scope, id, period, window.start);
      const entry = this.entries.get(key) ?? { tokens: 0, costUsd: 0, windowEnd: window.end };
      entry.tokens += spend.tokens;
      entry.costUsd += spend.costUsd;
      this.entries.set(key, entry);
    }
    if (at >= this.nextPrune) this.prune(at);
  }

  /** Reads this month's spend (and today's) per key and per team from the usage records. */
  async seed(now: number): Promise<void> {
    const month = budgetWindow('month', now);
    const day = budgetWindow('day', now);
    for (const [scope, column] of [['key', 'key_id'], ['team', 'team']] as const) {
      const rows: { id: string; month_tokens: unknown; month_cost: unknown; day_tokens: unknown; day_cost: unknown }[] = await this.database.dataSource
        .createQueryBuilder()
        .select(`u.${column}`, 'id')
        .addSelect('SUM(u.input_tokens + u.output_tokens)', 'month_tokens')
        .addSelect('SUM(u.cost_usd)', 'month_cost')
        .addSelect('SUM(CASE WHEN u.started_at >= :dayStart THEN u.input_tokens + u.output_tokens ELSE 0 END)', 'day_tokens')
        .addSelect('SUM(CASE WHEN u.started_at >= :dayStart THEN u.cost_usd ELSE 0 END)', 'day_cost')
        .from(UsageRecordEntity, 'u')
        .where('u.started_at >= :monthStart AND u.started_at < :monthEnd', { monthStart: month.start, monthEnd: month.end })
        .andWhere(`u.${column} IS NOT NULL`)
        .setParameter('dayStart', day.start)
        .groupBy(`u.${column}`)
        .getRawMany();
      for (const row of rows) {
        this.entries.set(entryKey(scope, row.id, 'month', month.start), { tokens: Number(row.month_tokens), costUsd: Number(row.month_cost), windowEnd: month.end });
        this.entries.set(entryKey(scope, row.id, 'day', day.start), { tokens: Number(row.day_tokens), costUsd: Number(row.day_cost), windowEnd: day.end });
      }
    }
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) if (entry.windowEnd <= now) this.entries.delete(key);
    this.nextPrune = now + PRUNE_EVERY_MS;
  }
}

function entryKey(scope: SpendScope, id: string, period: BudgetPeriod, windowStart: number): string {
  return `${scope}\u0000${id}\u0000${period}\u0000${windowStart}`;
}
