import { createKeyRequestSchema, updateKeyRequestSchema, type ApiKey, type ApiKeyList, type CreatedApiKey } from '@gatehouse/contracts';
import { Body, Delete, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { AdminApi } from '../admin-api.decorator';
import { validated } from '../validated';
import { KeyAdminService } from './key-admin.service';

@AdminApi('keys')
export class KeysController {
  constructor(@Inject(KeyAdminService) private readonly keys: KeyAdminService) {}

  @Get()
  async list(): Promise<ApiKeyList> {
    return { data: await this.keys.list() };
  }

  @Post()
  @HttpCode(201)
  create(@Body() body: unknown): Promise<CreatedApiKey> {
    return this.keys.create(validated(createKeyRequestSchema, body));
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<ApiKey> {
    return this.keys.get(id);
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown): Promise<ApiKey> {
    return this.keys.update(id, validated(updateKeyRequestSchema, body));
  }

  @Delete(':id')
  revoke(@Param('id') id: string): Promise<ApiKey> {
    return this.keys.revoke(id);
  }
}
