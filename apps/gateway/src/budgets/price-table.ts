import { Inject, Injectable } from '@nestjs/common';
import { type ModelPricing } from '../config';
import { EffectiveConfig } from '../admin/effective-config';
import { type RequestOutcome } from '../observability/request-outcome';
import { defaultPrices, undatedModelId } from './default-prices';
import { estimateCost } from './estimate-cost';

/**
 * The price of a model, first found of: the model's own `pricing` (file or override), top-level `pricing` by model
 * name, then by upstream id, then the built-in table by upstream id and by name (date suffixes ignored).
 * A model with no price costs 0: only token budgets then apply to it.
 */
@Injectable()
export class PriceTable {
  constructor(@Inject(EffectiveConfig) private readonly effective: EffectiveConfig) {}

  priceOf(modelName: string | undefined, upstreamModel: string | undefined): ModelPricing | undefined {
    const config = this.effective.config;
    const model = modelName === undefined ? undefined : config.models.find((candidate) => candidate.name === modelName);
    const overrides = config.pricing ?? {};
    const candidates = [modelName, upstreamModel].filter((name): name is string => name !== undefined);
    return (
      model?.pricing ??
      candidates.map((name) => overrides[name]).find(Boolean) ??
      [...candidates].reverse().map((name) => defaultPrices[name] ?? defaultPrices[undatedModelId(name)]).find(Boolean)
    );
  }

  costOf(outcome: RequestOutcome): number {
    return estimateCost(outcome.usage, this.priceOf(outcome.routedModel ?? outcome.requestedModel, outcome.upstreamModel));
  }
}
