import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload, type SourceMapping } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The parts of a V8 .cpuprofile (what `node --cpu-prof` writes) that self and total time need. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * Of the .cpuprofile files one process wrote, the main thread's (the one serving requests): node names them
 * CPU.<date>.<time>.<pid>.<thread id>.<sequence>.cpuprofile, and a worker thread (the OTLP export thread) writes its own.
 */
export function mainThreadProfile(names: readonly string[]): string | undefined {
  return names.filter((name) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(name)).sort().at(-1);
}

export interface HotSpot {
  name: string;
  /** Original source and line when the bundle's source map says, else the script (package-relative). */
  location: string;
  group: string;
  ms: number;
  /** Share of the busy (non-idle) time. */
  percent: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  /** Time spent in the function itself. */
  self: HotSpot[];
  /** Time spent in the function and everything it called: the repository's own functions only. */
  total: HotSpot[];
  groups: { group: string; ms: number; percent: number }[];
}

interface Frame {
  key: string;
  name: string;
  location: string;
  group: string;
  parent?: number;
}

const REPO_GROUP = /^(apps|libs|tools)\//;

/** Where a frame's code lives, coarsely: a package, a folder of the repository, Node's internals, V8's own entries. */
function groupOf(url: string, originalSource: string | undefined, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const repo = /((?:apps|libs|tools)\/[^/]+\/src(?:\/[^/]+(?=\/))?)/.exec(originalSource ?? url);
  return repo ? repo[1]! : (originalSource ?? url.replace(/^file:\/\//, ''));
}

/**
 * Self time per function, and total time per function of the repository, over the samples taken after `skipMs`
 * (start-up and warm-up left out), hottest first. The gateway is one esbuild bundle; its source map (main.js.map)
 * turns bundle positions back into apps/ and libs/ files.
 */
export function summarizeCpuProfile(profile: CpuProfile, skipMs: number, top = 30): ProfileSummary {
  const maps = new Map<string, SourceMap | undefined>();
  const sourceMapFor = (url: string): SourceMap | undefined => {
    if (!url.startsWith('file://') || url.includes('/node_modules/')) return undefined;
    if (!maps.has(url)) {
      const file = `${fileURLToPath(url)}.map`;
      maps.set(url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8')) as SourceMapPayload) : undefined);
    }
    return maps.get(url);
  };
  const frames = new Map<number, Frame>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const entry = sourceMapFor(url)?.findEntry(lineNumber, columnNumber);
    const original = entry && 'originalSource' in entry ? (entry as SourceMapping) : undefined;
    const originalSource = original?.originalSource.replace(/^(\.\.\/)+/, '');
    const location = originalSource
      ? `${originalSource}:${original!.originalLine + 1}`
      : url
        ? `${url.replace(/^file:\/\/.*node_modules\//, '').replace(/^file:\/\//, '')}:${lineNumber + 1}`
        : '';
    const name = functionName || '(anonymous)';
    frames.set(node.id, { key: `${name}\u0000${location}`, name, location, group: groupOf(url, originalSource, functionName) });
  }
  for (const node of profile.nodes) for (const child of node.children ?? []) frames.get(child)!.parent = node.id;

  const self = new Map<string, HotSpot>();
  const total = new Map<string, HotSpot>();
  const groups = new Map<string, number>();
  const add = (table: Map<string, HotSpot>, frame: Frame, ms: number) => {
    const spot = table.get(frame.key) ?? { name: frame.name, location: frame.location, group: frame.group, ms: 0, percent: 0 };
    spot.ms += ms;
    table.set(frame.key, spot);
  };
  let elapsedUs = 0;
  let idleMs = 0;
  let busyMs = 0;
  for (let index = 0; index < profile.samples.length; index++) {
    const deltaUs = profile.timeDeltas[index] ?? 0;
    elapsedUs += deltaUs;
    if (elapsedUs / 1000 < skipMs) continue;
    const frame = frames.get(profile.samples[index]!);
    if (!frame) continue;
    const ms = deltaUs / 1000;
    if (frame.name === '(idle)') {
      idleMs += ms;
      continue;
    }
    busyMs += ms;
    add(self, frame, ms);
    groups.set(frame.group, (groups.get(frame.group) ?? 0) + ms);
    // Each repository function on the stack once, however deep it recurses.
    const seen = new Set<string>();
    for (let at: Frame | undefined = frame; at; at = at.parent === undefined ? undefined : frames.get(at.parent)) {
      if (!REPO_GROUP.test(at.group) || seen.has(at.key)) continue;
      seen.add(at.key);
      add(total, at, ms);
    }
  }
  const share = (ms: number) => (busyMs === 0 ? 0 : (ms / busyMs) * 100);
  const hottest = (table: Map<string, HotSpot>) =>
    [...table.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((spot) => ({ ...spot, percent: share(spot.ms) }));
  return {
    busyMs,
    idleMs,
    self: hottest(self),
    total: hottest(total),
    groups: [...groups.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([group, ms]) => ({ group, ms, percent: share(ms) })),
  };
}
