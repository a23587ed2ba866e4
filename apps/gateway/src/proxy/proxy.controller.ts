import { Controller, Get, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { AUTO_MODEL, ModelRouter } from '../routing/model-router';
import { modelList } from './model-list';
import { ProxyService } from './proxy.service';

/** The /v1 surface: each route names its client dialect and hands the raw request to the proxy service. */
@Controller('v1')
@UseGuards(ApiKeyGuard)
export class ProxyController {
  constructor(
    @Inject(ProxyService) private readonly proxy: ProxyService,
    @Inject(ModelRouter) private readonly router: ModelRouter,
  ) {}

  @Post('chat/completions')
  chatCompletions(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.proxy.handle('openai-chat', request, reply);
  }

  @Post('messages')
  messages(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.proxy.handle('anthropic-messages', request, reply);
  }

  @Post('responses')
  responses(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.proxy.handle('openai-responses', request, reply);
  }

  @Post('messages/count_tokens')
  countTokens(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.proxy.handle('anthropic-count-tokens', request, reply);
  }

  @Get('models')
  models(@Req() request: FastifyRequest): unknown {
    const names = this.router.catalog.names;
    return modelList(this.router.routesAuto ? [...names, AUTO_MODEL] : names, request.headers['anthropic-version'] !== undefined);
  }
}
