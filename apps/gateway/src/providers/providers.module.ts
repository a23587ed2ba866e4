import { Module } from '@nestjs/common';
import { ConfiguredProviders } from './configured-providers';

@Module({ providers: [ConfiguredProviders], exports: [ConfiguredProviders] })
export class ProvidersModule {}
