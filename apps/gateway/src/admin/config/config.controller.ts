import { Get, Inject } from '@nestjs/common';
import { type GatehouseConfig, maskSecrets } from '../../config';
import { AdminApi } from '../admin-api.decorator';
import { EffectiveConfig } from '../effective-config';

@AdminApi('config')
export class ConfigController {
  constructor(@Inject(EffectiveConfig) private readonly effective: EffectiveConfig) {}

  /** The config in force (the file plus model overrides), every secret masked. Durations in ms, sizes in bytes. */
  @Get()
  get(): GatehouseConfig {
    return maskSecrets(this.effective.config);
  }
}
