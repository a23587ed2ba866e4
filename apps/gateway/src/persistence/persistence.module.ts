import { Global, Module } from '@nestjs/common';
import { type GatehouseConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { ChangeFeed } from './change-feed';
import { Database } from './database';

/** The database (connected and migrated before anything that needs it is made) and the change feed, for every module. */
@Global()
@Module({
  providers: [
    { provide: Database, useFactory: (config: GatehouseConfig) => Database.open(config.storage.database), inject: [GATEHOUSE_CONFIG] },
    ChangeFeed,
  ],
  exports: [Database, ChangeFeed],
})
export class PersistenceModule {}
