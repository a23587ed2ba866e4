import { Global, Module } from '@nestjs/common';
import { RequestObservers } from './request-observers';

@Global()
@Module({ providers: [RequestObservers], exports: [RequestObservers] })
export class ObservabilityModule {}
