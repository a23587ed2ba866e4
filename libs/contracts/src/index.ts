/** Admin API types shared by the gateway and the dashboard. */
export interface HealthStatus {
  status: 'ok';
}
