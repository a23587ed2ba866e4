import { Global, Module } from '@nestjs/common';
import { EffectiveConfig } from './effective-config';

/** Makes the effective config (file plus admin overrides) available to every module: routing, prices, the admin API. */
@Global()
@Module({ providers: [EffectiveConfig], exports: [EffectiveConfig] })
export class EffectiveConfigModule {}
