import { type AdminApiConnection } from './admin-api-connection';
import { type ClientDialect, isRouteExplanation, type RouteExplanation } from './route-explanation';

export interface RouteExplainOptions {
  /** Absent: the gateway guesses from the body. */
  dialect?: ClientDialect;
  /** Stand-ins for the caller's key name and team, for decisions on `key` or `team`. */
  keyName?: string;
  team?: string;
}

const routeExplanationSchema = {
  parse(value: unknown): RouteExplanation {
    if (!isRouteExplanation(value)) throw new Error('not a route explanation');
    return value;
  },
};

/** `POST /admin/api/route/explain`: the decision, target and fallbacks a request body would get, without calling upstream. */
export function explainRoute(api: AdminApiConnection, body: unknown, options: RouteExplainOptions): Promise<RouteExplanation> {
  return api.json('/route/explain', routeExplanationSchema, {
    method: 'POST',
    body,
    query: { dialect: options.dialect, key: options.keyName, team: options.team },
  });
}
