import { Global, Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module';
import { type GatehouseConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { RequestLog } from './request-log';
import { UsageAnalytics } from './usage-analytics';
import { UsageQueueStats } from './usage-queue-stats';
import { defaultUsageRecorderOptions, USAGE_RECORDER_OPTIONS, UsageRecorder } from './usage-recorder';

/** Usage records: written per request in batches, read back as analytics and the request log. Global so metrics can read UsageQueueStats. */
@Global()
@Module({
  imports: [BudgetsModule],
  providers: [
    {
      provide: USAGE_RECORDER_OPTIONS,
      useFactory: (config: GatehouseConfig) => ({ ...defaultUsageRecorderOptions, enabled: config.storage.usage_records }),
      inject: [GATEHOUSE_CONFIG],
    },
    UsageQueueStats,
    UsageRecorder,
    UsageAnalytics,
    RequestLog,
  ],
  exports: [UsageQueueStats, UsageRecorder, UsageAnalytics, RequestLog],
})
export class UsageModule {}
