import { Inject, Injectable } from '@nestjs/common';
import { ModelCatalog, type ModelRoute, type ModelTarget, chooseWeighted } from '@gatehouse/routing';
import { GatewayError } from '@gatehouse/translate';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { type GatehouseConfig } from '../config';

/** Resolves the model a client asked for to its route and picks one of its targets. */
@Injectable()
export class ModelRouter {
  readonly catalog: ModelCatalog;

  constructor(@Inject(GATEHOUSE_CONFIG) config: GatehouseConfig) {
    this.catalog = new ModelCatalog(
      config.models.map((model) => ({
        name: model.name,
        targets: model.targets.map((target) => ({ provider: target.provider, model: target.model ?? model.name, weight: target.weight })),
        fallbacks: model.fallbacks ?? [],
      })),
    );
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
}
