import { type Attempt, type ClientDialect, type DecisionTrace, type ModelRoute, type SkippedTarget } from '@gatehouse/routing';

/** Where a request goes: the model routing chose and the ordered targets to try. */
export interface RoutePlan {
  /** The model name the client sent ("auto" included). */
  requestedModel: string;
  /** The configured model chosen: the one named, or for "auto" the decision's (else routing.default_model). */
  route: ModelRoute;
  /** For "auto": the decision that matched. */
  decision?: { name: string; model: string };
  /**
   * The value of `x-gatehouse-decision`: the decision's name; `default` when "auto" matched no decision and went to
   * routing.default_model; `none` when the client named a model.
   */
  decisionLabel: string;
  /** Targets in the order to try them: the route's weighted pick first, then its other targets, then fallbacks. */
  attempts: Attempt[];
  /** Targets left out: open circuit or failing health check. */
  skipped: SkippedTarget[];
}

/** A plan with the reasons, for POST /admin/api/route/explain. */
export interface RouteExplanation extends RoutePlan {
  trace: DecisionTrace[];
  facts: {
    dialect: ClientDialect;
    /** The start of the text the keyword, regex and domain conditions read. */
    promptText: string;
    promptTokens: number;
    hasImages: boolean;
    domain: { domain: string; confidence: number; source: string };
    keyName?: string;
    team?: string;
  };
}
