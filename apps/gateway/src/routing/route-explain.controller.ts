import { Body, Controller, HttpCode, Inject, Post, Query, Req, UseGuards } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { type RouteExplanation as RouteExplanationAnswer } from '@gatehouse/contracts';
import { type ClientDialect } from '@gatehouse/routing';
import { GatewayError } from '@gatehouse/translate';
import { AdminGuard } from '../admin/admin.guard';
import { type Principal } from '../auth/principal';
import { ModelRouter } from './model-router';
import { type RouteExplanation } from './route-plan';

const DIALECTS: readonly ClientDialect[] = ['openai-chat', 'openai-responses', 'anthropic-messages'];

/** Headers of the explain call itself that must not be shown to header conditions. */
const PRIVATE_HEADERS = new Set(['authorization', 'x-api-key', 'cookie']);

/**
 * POST /admin/api/route/explain: the decision and targets a request body would get, and why, without calling any
 * upstream. The body is a request in any dialect; `?dialect=` or a `dialect` field in the body says which (else it
 * is guessed: `input` → openai-responses, `system` → anthropic-messages, otherwise openai-chat). `?key=` and
 * `?team=` stand in for the caller's key name and team; the call's own headers (its credentials left out) stand in
 * for the request's.
 */
@Controller('admin/api/route')
@UseGuards(AdminGuard)
export class RouteExplainController {
  constructor(@Inject(ModelRouter) private readonly router: ModelRouter) {}

  @Post('explain')
  @HttpCode(200)
  async explain(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Query('dialect') dialectParameter?: string,
    @Query('key') keyName?: string,
    @Query('team') team?: string,
  ): Promise<RouteExplanationAnswer> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new GatewayError('invalid_request', 'The body must be a JSON object: a request body in any dialect, with its model');
    }
    const { dialect: dialectField, ...json } = body as Record<string, unknown>;
    if (typeof json.model !== 'string' || json.model.length === 0) {
      throw new GatewayError('invalid_request', 'model: required: the model name the request would send ("auto" for routing decisions)', { param: 'model' });
    }
    const { dialect, source } = dialectOf(dialectParameter ?? dialectField, json);
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !PRIVATE_HEADERS.has(name)));
    const principal: Principal | undefined =
      keyName || team ? { keyId: '', keyName: keyName ?? '', team: team || undefined, source: 'config' } : undefined;
    const explanation = await this.router.explain({ inbound: { outline: json, model: json.model }, dialect, principal, headers });
    return present(explanation, source);
  }
}

function dialectOf(given: unknown, json: Record<string, unknown>): { dialect: ClientDialect; source: 'given' | 'guessed' } {
  if (given !== undefined) {
    if (typeof given === 'string' && (DIALECTS as readonly string[]).includes(given)) return { dialect: given as ClientDialect, source: 'given' };
    throw new GatewayError('invalid_request', `dialect: must be one of ${DIALECTS.join(', ')}`, { param: 'dialect' });
  }
  if (json.input !== undefined) return { dialect: 'openai-responses', source: 'guessed' };
  if (json.system !== undefined) return { dialect: 'anthropic-messages', source: 'guessed' };
  return { dialect: 'openai-chat', source: 'guessed' };
}

function present(explanation: RouteExplanation, dialectSource: 'given' | 'guessed'): RouteExplanationAnswer {
  const first = explanation.attempts[0];
  return {
    requested_model: explanation.requestedModel,
    model: explanation.route.name,
    decision: explanation.decision?.name ?? null,
    decision_header: explanation.decisionLabel,
    target: first ? { provider: first.target.provider, model: first.target.model } : null,
    attempts: explanation.attempts.map((attempt) => ({
      model: attempt.model,
      provider: attempt.target.provider,
      upstream_model: attempt.target.model,
      weight: attempt.target.weight,
      fallback: attempt.fallback,
      retries: attempt.retry.max,
    })),
    skipped: explanation.skipped.map((skipped) => ({
      model: skipped.model,
      provider: skipped.target.provider,
      upstream_model: skipped.target.model,
      reason: skipped.reason,
    })),
    trace: explanation.trace,
    facts: {
      dialect: explanation.facts.dialect,
      dialect_source: dialectSource,
      prompt_text: explanation.facts.promptText,
      prompt_tokens: explanation.facts.promptTokens,
      has_images: explanation.facts.hasImages,
      domain: explanation.facts.domain,
      key: explanation.facts.keyName ?? null,
      team: explanation.facts.team ?? null,
    },
  };
}
