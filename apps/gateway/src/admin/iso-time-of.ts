/** Epoch milliseconds (or nothing) as the admin API writes times: ISO-8601 in UTC. */
export function isoTimeOf(milliseconds: number | null | undefined): string | null {
  return milliseconds === null || milliseconds === undefined ? null : new Date(milliseconds).toISOString();
}
