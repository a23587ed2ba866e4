import { Module } from '@nestjs/common';
import { ModelRouter } from './model-router';

@Module({ providers: [ModelRouter], exports: [ModelRouter] })
export class RoutingModule {}
