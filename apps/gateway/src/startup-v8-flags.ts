/**
 * The V8 flags the gateway sets on itself at start-up, unless node was started with the same flag (given, it wins).
 *
 * - `--heap-growing-percent=50`: under fast allocation V8 lets the old generation grow up to four times what survived
 *   the last full collection before collecting again, and that head-room was most of the gateway's resident memory
 *   under load. Capped at 1.5×, peak RSS at 64 connections went from about 290–340 MB to about 190 MB, throughput
 *   unchanged.
 * - `--no-concurrent-marking` on a single core (pinned with taskset or a cpuset): the concurrent marking thread then
 *   does not run beside the event loop but instead of it, for whole scheduler time slices that requests in flight
 *   wait out. Marking in small steps on the main thread costs the same CPU without those stalls: at 1,000 req/s on
 *   one core p99 went from 14–23 ms to about 5 ms.
 *
 * - `--no-allocation-site-pretenuring`: V8 watches where objects are allocated and, for a site whose objects once
 *   survived young collections, allocates them straight in the old generation. Sites on the request path get picked
 *   (a request in flight when a collection comes survives it), and from then on every request's promises, abort
 *   signal and handler state are born old: dead at once, they stay until a full collection, and while they do, the
 *   young objects they point to survive each young collection too. At 1,000 req/s that promoted ~230 KB per young
 *   collection; without pretenuring ~70 KB, young pauses went from ~1.6 to ~1.1 ms, full collections came half as
 *   often, and CPU per request did not change.
 *
 * V8 reads these each time it collects, so setting them once the process runs is enough (docs/benchmarks.md).
 */
export function startupV8Flags(cores: number, execArgv: readonly string[]): string[] {
  const given = new Set(execArgv.map(flagName));
  const flags: string[] = [];
  if (!given.has('heap-growing-percent')) flags.push('--heap-growing-percent=50');
  if (!given.has('allocation-site-pretenuring')) flags.push('--no-allocation-site-pretenuring');
  if (cores === 1 && !given.has('concurrent-marking')) flags.push('--no-concurrent-marking');
  return flags;
}

/** `--no_concurrent-marking=x` → `concurrent-marking`: node accepts `_` for `-` and `--no-` for off. */
function flagName(arg: string): string {
  return arg
    .split('=')[0]!
    .replace(/_/g, '-')
    .replace(/^--(no-)?/, '');
}
