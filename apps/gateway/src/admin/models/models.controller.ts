import { modelDefinitionSchema, type EffectiveModel, type ModelList } from '@gatehouse/contracts';
import { Body, Delete, Get, HttpCode, Inject, Param, Put } from '@nestjs/common';
import { AdminApi } from '../admin-api.decorator';
import { validated } from '../validated';
import { ModelOverridesService } from './model-overrides.service';

@AdminApi('models')
export class ModelsController {
  constructor(@Inject(ModelOverridesService) private readonly models: ModelOverridesService) {}

  @Get()
  list(): ModelList {
    return { data: this.models.list() };
  }

  @Put(':name')
  put(@Param('name') name: string, @Body() body: unknown): Promise<EffectiveModel> {
    return this.models.put(name, validated(modelDefinitionSchema, body));
  }

  @Delete(':name')
  @HttpCode(204)
  async remove(@Param('name') name: string): Promise<void> {
    await this.models.remove(name);
  }
}
