import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type ClientDialect,
  type CompiledDecisions,
  DOMAINS,
  type DomainGuess,
  LexicalDomainClassifier,
  ModelCatalog,
  type ModelRoute,
  type ModelTarget,
  type RequestFacts,
  type RetryPolicy,
  chooseWeighted,
  compileDecisions,
  evaluateDecisions,
  planAttempts,
} from '@gatehouse/routing';
import { GatewayError } from '@gatehouse/translate';
import { type Principal } from '../auth/principal';
import { type GatehouseConfig, type ModelConfig, type RoutingCondition } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { BreakerRegistry } from './breaker-registry';
import { EmbeddingsDomainClassifier } from './embeddings-domain-classifier';
import { ProviderHealth } from './provider-health';
import { readRequestShape, type ShapedBody } from './request-shape';
import { type RouteExplanation, type RoutePlan } from './route-plan';

/** The model name that asks for routing by `routing.decisions`. */
export const AUTO_MODEL = 'auto';

export interface PlanRequest {
  /** The request body (any dialect), or its outline, and the model it names. */
  inbound: ShapedBody & { model: string };
  dialect: ClientDialect;
  principal?: Principal;
  /** The client's headers, names lower-cased (as Node gives them). */
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

const EMBEDDINGS_ERROR_LOG_INTERVAL_MS = 60_000;

function domainsIn(condition: RoutingCondition): string[] {
  if ('any' in condition) return condition.any.flatMap(domainsIn);
  if ('all' in condition) return condition.all.flatMap(domainsIn);
  if ('not' in condition) return domainsIn(condition.not);
  return 'domain' in condition ? condition.domain : [];
}

function catalogOf(models: readonly ModelConfig[]): ModelCatalog {
  return new ModelCatalog(
    models.map((model) => ({
      name: model.name,
      targets: model.targets.map((target) => ({ provider: target.provider, model: target.model ?? model.name, weight: target.weight })),
      fallbacks: model.fallbacks ?? [],
    })),
  );
}
const PROMPT_PREVIEW_CHARACTERS = 200;

/**
 * Resolves the model a client asked for ("auto" through the routing decisions) and plans the targets to try:
 * a weighted random pick (probability weight / total), the model's other targets, then its fallbacks, leaving out
 * targets with an open circuit or a failing health check.
 */
@Injectable()
export class ModelRouter {
  private models: ModelCatalog;
  private readonly decisions: CompiledDecisions;
  private readonly defaultModel?: string;
  private readonly lexical = new LexicalDomainClassifier();
  private readonly retryPolicies: ReadonlyMap<string, RetryPolicy>;
  private readonly logger = new Logger('ModelRouter');
  private lastEmbeddingsErrorLog = -Infinity;

  constructor(
    @Inject(GATEHOUSE_CONFIG) config: GatehouseConfig,
    @Inject(BreakerRegistry) private readonly breakers: BreakerRegistry,
    @Inject(ProviderHealth) private readonly health: ProviderHealth,
    @Inject(EmbeddingsDomainClassifier) private readonly embeddings: EmbeddingsDomainClassifier,
  ) {
    this.models = catalogOf(config.models);
    this.decisions = compileDecisions(config.routing.decisions);
    this.warnOfUnknownDomains(config);
    this.defaultModel = config.routing.default_model;
    this.retryPolicies = new Map(
      config.providers.map((provider) => [provider.name, { max: provider.retries.max, on: provider.retries.on, backoffMs: provider.retries.backoff_ms }]),
    );
  }

  /** The configured models by name. */
  get catalog(): ModelCatalog {
    return this.models;
  }

  /** Whether "auto" can route anywhere: a routing decision or a default model is configured. */
  get routesAuto(): boolean {
    return this.decisions.decisions.length > 0 || this.defaultModel !== undefined;
  }

  /** Routes to a new model list from now on (model overrides made through the admin API). */
  updateModels(models: readonly ModelConfig[]): void {
    this.models = catalogOf(models);
  }

  resolve(name: string): ModelRoute {
    const route = this.catalog.get(name);
    if (!route) {
      throw new GatewayError('not_found', `The model "${name}" does not exist on this gateway; GET /v1/models lists the models you can use`, {
        param: 'model',
      });
    }
    return route;
  }

  chooseTarget(route: ModelRoute): ModelTarget {
    return chooseWeighted(route.targets, Math.random());
  }

  /**
   * The route and the attempts for a request. Throws a GatewayError: 404 for an unknown model (or "auto" with no
   * matching decision and no default_model), 503 with retry-after when every target's circuit is open.
   */
  async plan(request: PlanRequest): Promise<RoutePlan> {
    return (await this.route(request, false)).plan;
  }

  /** The plan with its reasons: every decision evaluated in full, the facts they saw. Never calls an upstream model. */
  async explain(request: PlanRequest): Promise<RouteExplanation> {
    const { plan, trace, guess, ...routed } = await this.route(request, true);
    const facts = routed.facts ?? this.factsOf(request);
    const domain = guess ?? (this.embeddings.enabled ? await this.embeddingsGuess(facts.promptText) : undefined) ?? facts.domain();
    return {
      ...plan,
      trace,
      facts: {
        dialect: facts.dialect,
        promptText: facts.promptText.slice(0, PROMPT_PREVIEW_CHARACTERS),
        promptTokens: facts.promptTokens,
        hasImages: facts.hasImages,
        domain,
        ...(facts.keyName ? { keyName: facts.keyName } : {}),
        ...(facts.team ? { team: facts.team } : {}),
      },
    };
  }

  private async route(request: PlanRequest, explaining: boolean) {
    const requestedModel = request.inbound.model;
    let facts: RequestFacts | undefined;
    let guess: DomainGuess | undefined;
    let route: ModelRoute;
    let decision: RoutePlan['decision'];
    let trace: RouteExplanation['trace'] = [];
    if (requestedModel === AUTO_MODEL) {
      facts = this.factsOf(request);
      if (this.embeddings.enabled && this.decisions.usesDomain) {
        guess = await this.embeddingsGuess(facts.promptText);
        const known = guess;
        if (known) facts.domain = () => known;
      }
      const evaluation = evaluateDecisions(this.decisions, facts, { exhaustive: explaining });
      decision = evaluation.decision;
      trace = evaluation.trace;
      const model = decision?.model ?? this.defaultModel;
      if (!model) {
        throw new GatewayError(
          'not_found',
          'The model "auto" matched no routing decision and routing.default_model is not set; name a model, or set a default in the config',
          { param: 'model' },
        );
      }
      route = this.resolve(model);
    } else {
      route = this.resolve(requestedModel);
    }
    const plan: RoutePlan = {
      requestedModel,
      route,
      decision,
      decisionLabel: decision?.name ?? (requestedModel === AUTO_MODEL ? 'default' : 'none'),
      ...this.attemptsFor(route, explaining),
    };
    return { plan, trace, facts, guess };
  }

  private attemptsFor(route: ModelRoute, explaining: boolean): Pick<RoutePlan, 'attempts' | 'skipped'> {
    const retryPolicyOf = (target: ModelTarget) => this.retryPolicies.get(target.provider) ?? { max: 0, on: [], backoffMs: 0 };
    const now = Date.now();
    const planned = planAttempts(route, this.models, {
      retryPolicyOf,
      unavailable: (target) => this.breakers.unavailableReason(target, now) ?? this.health.unavailableReason(target.provider),
    });
    if (planned.attempts.length > 0 || explaining) return planned;
    // Health checks may be stale; with nothing else left, their targets are tried anyway. Open circuits are not.
    const breakersOnly = planAttempts(route, this.models, { retryPolicyOf, unavailable: (target) => this.breakers.unavailableReason(target, now) });
    if (breakersOnly.attempts.length > 0) return breakersOnly;
    const retryAfter = this.breakers.secondsUntilProbe(
      breakersOnly.skipped.map((skipped) => skipped.target),
      now,
    );
    throw new GatewayError(
      'overloaded',
      `Every target of the model "${route.name}"${route.fallbacks.length > 0 ? ' and its fallbacks' : ''} is failing (circuit open); try again in ${retryAfter} s`,
      { status: 503, retryAfter },
    );
  }

  private factsOf(request: PlanRequest): RequestFacts {
    const shape = readRequestShape(request.inbound, request.dialect);
    let domain: DomainGuess | undefined;
    return {
      promptText: shape.promptText,
      hasImages: shape.hasImages,
      promptTokens: shape.promptTokens,
      headers: request.headers,
      dialect: request.dialect,
      keyName: request.principal?.keyName,
      team: request.principal?.team,
      domain: () => (domain ??= this.lexical.classify(shape.promptText)),
    };
  }

  /** A domain no classifier can answer makes its condition never match: likely a typo, so say so at start. */
  private warnOfUnknownDomains(config: GatehouseConfig): void {
    const known = new Set<string>([...DOMAINS, ...Object.keys(config.classifier?.embeddings?.examples ?? {})]);
    config.routing.decisions.forEach((decision, index) => {
      for (const domain of domainsIn(decision.when)) {
        if (!known.has(domain)) {
          this.logger.warn(`routing.decisions[${index}] (${decision.name}): no classifier answers the domain "${domain}"; known: ${[...known].join(', ')}`);
        }
      }
    });
  }

  /** The embeddings classifier's answer, or undefined (the lexical one answers) when the endpoint fails. */
  private async embeddingsGuess(text: string): Promise<DomainGuess | undefined> {
    try {
      return await this.embeddings.classify(text);
    } catch (error) {
      const now = Date.now();
      if (now - this.lastEmbeddingsErrorLog >= EMBEDDINGS_ERROR_LOG_INTERVAL_MS) {
        this.lastEmbeddingsErrorLog = now;
        this.logger.warn(`the embeddings classifier failed, the lexical one answers instead: ${(error as Error).message}`);
      }
      return undefined;
    }
  }
}
