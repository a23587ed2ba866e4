/** One place a model can be served: a provider and the upstream model id there. */
export interface ModelTarget {
  provider: string;
  model: string;
  weight: number;
}

export interface ModelRoute {
  /** The name clients send. */
  name: string;
  targets: readonly ModelTarget[];
  fallbacks: readonly string[];
}
