import { type ModelRoute } from './model-target';

/** The configured models by the names clients send; built once per config, looked up per request. */
export class ModelCatalog {
  private readonly byName: ReadonlyMap<string, ModelRoute>;

  constructor(routes: readonly ModelRoute[]) {
    this.byName = new Map(routes.map((route) => [route.name, route]));
  }

  get(name: string): ModelRoute | undefined {
    return this.byName.get(name);
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  get routes(): ModelRoute[] {
    return [...this.byName.values()];
  }
}
