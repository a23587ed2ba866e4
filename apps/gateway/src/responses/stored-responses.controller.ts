import { Controller, Delete, Get, Inject, Param, Query, Req, UseGuards } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { type InputItemsQueryParams, StoredResponses } from '../responses-store/stored-responses';
import { responsesOwnerOf } from '../responses-store/responses-owner';

/** GET and DELETE of stored responses, and their input items; a response belongs to the key's team (or the key). */
@Controller('v1/responses')
@UseGuards(ApiKeyGuard)
export class StoredResponsesController {
  constructor(@Inject(StoredResponses) private readonly responses: StoredResponses) {}

  @Get(':id')
  retrieve(@Param('id') id: string, @Req() request: FastifyRequest): Promise<unknown> {
    return this.responses.retrieve(id, responsesOwnerOf(request.principal));
  }

  @Delete(':id')
  delete(@Param('id') id: string, @Req() request: FastifyRequest): Promise<unknown> {
    return this.responses.delete(id, responsesOwnerOf(request.principal));
  }

  @Get(':id/input_items')
  inputItems(@Param('id') id: string, @Query() query: InputItemsQueryParams, @Req() request: FastifyRequest): Promise<unknown> {
    return this.responses.inputItems(id, responsesOwnerOf(request.principal), query);
  }
}
