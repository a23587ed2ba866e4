import { Inject, Injectable } from '@nestjs/common';
import { type GatehouseConfig, type ModelPricing } from '../config';
import { EffectiveConfig } from '../admin/effective-config';
import { type RequestOutcome } from '../observability/request-outcome';
import { defaultPrices, undatedModelId } from './default-prices';
import { estimateCost } from './estimate-cost';

// Names a client sends for models that do not exist are looked up too: the memo starts over past this many.
const MEMO_LIMIT = 1_000;

/**
 * The price of a model, first found of: the model's own `pricing` (file or override), top-level `pricing` by model
 * name, then by upstream id, then the built-in table by upstream id and by name (date suffixes ignored).
 * A model with no price costs 0: only token budgets then apply to it.
 * Each pair of names is looked up once per effective config: every finished request is priced, some twice.
 */
@Injectable()
export class PriceTable {
  private memo = new Map<string, ModelPricing | null>();
  private memoFor?: GatehouseConfig;

  constructor(@Inject(EffectiveConfig) private readonly effective: EffectiveConfig) {}

  priceOf(modelName: string | undefined, upstreamModel: string | undefined): ModelPricing | undefined {
    const config = this.effective.config;
    if (config !== this.memoFor || this.memo.size >= MEMO_LIMIT) {
      this.memo = new Map();
      this.memoFor = config;
    }
    const key = `${modelName ?? ''}\u0000${upstreamModel ?? ''}`;
    let price = this.memo.get(key);
    if (price === undefined) {
      price = lookUpPrice(config, modelName, upstreamModel) ?? null;
      this.memo.set(key, price);
    }
    return price ?? undefined;
  }

  costOf(outcome: RequestOutcome): number {
    return estimateCost(outcome.usage, this.priceOf(outcome.routedModel ?? outcome.requestedModel, outcome.upstreamModel));
  }
}

function lookUpPrice(config: GatehouseConfig, modelName: string | undefined, upstreamModel: string | undefined): ModelPricing | undefined {
  const model = modelName === undefined ? undefined : config.models.find((candidate) => candidate.name === modelName);
  const overrides = config.pricing ?? {};
  const candidates = [modelName, upstreamModel].filter((name): name is string => name !== undefined);
  return (
    model?.pricing ??
    candidates.map((name) => overrides[name]).find(Boolean) ??
    [...candidates].reverse().map((name) => defaultPrices[name] ?? defaultPrices[undatedModelId(name)]).find(Boolean)
  );
}
