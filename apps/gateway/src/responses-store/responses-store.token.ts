/** The Nest injection token of the ResponsesStore (Redis when `storage.redis` is set, else in memory). */
export const RESPONSES_STORE = Symbol('RESPONSES_STORE');
