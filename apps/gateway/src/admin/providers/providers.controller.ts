import { type ProviderList, type ProviderTestResult } from '@gatehouse/contracts';
import { Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { AdminApi } from '../admin-api.decorator';
import { ProviderStatusService } from './provider-status.service';

@AdminApi('providers')
export class ProvidersController {
  constructor(@Inject(ProviderStatusService) private readonly providers: ProviderStatusService) {}

  @Get()
  async list(): Promise<ProviderList> {
    return { data: await this.providers.list() };
  }

  @Post(':name/test')
  @HttpCode(200)
  test(@Param('name') name: string): Promise<ProviderTestResult> {
    return this.providers.test(name);
  }
}
