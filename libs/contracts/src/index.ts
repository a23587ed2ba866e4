/** Admin API types and zod schemas shared by the gateway (which validates with them) and the dashboard. */
export interface HealthStatus {
  status: 'ok';
}

export * from './admin-api-routes';
export * from './admin-error';
export * from './budget';
export * from './iso-time';
export * from './key-limits';
export * from './keys';
export * from './models';
export * from './providers';
export * from './request-log';
export * from './teams';
export * from './usage';
export * from './validation-issues';
export * from './route-explain';
