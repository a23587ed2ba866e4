import { Module } from '@nestjs/common';
import { ProxyModule } from '../proxy/proxy.module';
import { BudgetCheck } from './budget.check';
import { PriceTable } from './price-table';
import { SpendLedger } from './spend-ledger';
import { TeamBudgets } from './team-budgets';

/** Prices, spend per key and team, and the budget gate. */
@Module({
  imports: [ProxyModule],
  providers: [PriceTable, SpendLedger, TeamBudgets, BudgetCheck],
  exports: [PriceTable, SpendLedger, TeamBudgets],
})
export class BudgetsModule {}
