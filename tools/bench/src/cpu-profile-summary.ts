import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload, type SourceMapping } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The parts of a V8 .cpuprofile (what `node --cpu-prof` writes) that self time needs. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  /** Original source and line when a source map says, else the script. */
  location: string;
  group: string;
  selfMs: number;
  /** Share of the busy (non-idle) time. */
  percent: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  functions: HotSpot[];
  groups: { group: string; selfMs: number; percent: number }[];
}

/** Where a frame's code lives, coarsely: a package, a folder of the repo, Node's internals, V8's own entries. */
function groupOf(url: string, originalSource: string | undefined, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  const path = originalSource ?? url;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (modules) return modules[1]!;
  const repo = /((?:apps|libs|tools)\/[^/]+\/src(?:\/[^/]+(?=\/))?)/.exec(path);
  return repo ? repo[1]! : path.replace(/^file:\/\//, '');
}

/** Self time per function over the samples taken after `skipMs` (start-up and warm-up left out), hottest first. */
export function summarizeCpuProfile(profile: CpuProfile, skipMs: number, top = 30): ProfileSummary {
  const maps = new Map<string, SourceMap | undefined>();
  const sourceMapFor = (url: string): SourceMap | undefined => {
    if (!url.startsWith('file://')) return undefined;
    if (!maps.has(url)) {
      const file = `${fileURLToPath(url)}.map`;
      maps.set(url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8')) as SourceMapPayload) : undefined);
    }
    return maps.get(url);
  };
  const frames = new Map(
    profile.nodes.map((node) => {
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      const entry = sourceMapFor(url)?.findEntry(lineNumber, columnNumber);
      const original = entry && 'originalSource' in entry ? (entry as SourceMapping) : undefined;
      const originalSource = original?.originalSource.replace(/^(\.\.\/)+/, '');
      const location = originalSource
        ? `${originalSource}:${original!.originalLine + 1}`
        : url
          ? `${url.replace(/^file:\/\/.*node_modules\//, '').replace(/^file:\/\//, '')}:${lineNumber + 1}`
          : '';
      return [node.id, { name: functionName || '(anonymous)', location, group: groupOf(url, originalSource, functionName) }];
    }),
  );
  const selfByFrame = new Map<string, HotSpot>();
  const selfByGroup = new Map<string, number>();
  let elapsedUs = 0;
  let idleMs = 0;
  let busyMs = 0;
  for (let index = 0; index < profile.samples.length; index++) {
    const deltaUs = profile.timeDeltas[index] ?? 0;
    elapsedUs += deltaUs;
    if (elapsedUs / 1000 < skipMs) continue;
    const frame = frames.get(profile.samples[index]!);
    if (!frame) continue;
    const deltaMs = deltaUs / 1000;
    if (frame.name === '(idle)') {
      idleMs += deltaMs;
      continue;
    }
    busyMs += deltaMs;
    const key = `${frame.name}\u0000${frame.location}`;
    const spot = selfByFrame.get(key) ?? { name: frame.name, location: frame.location, group: frame.group, selfMs: 0, percent: 0 };
    spot.selfMs += deltaMs;
    selfByFrame.set(key, spot);
    selfByGroup.set(frame.group, (selfByGroup.get(frame.group) ?? 0) + deltaMs);
  }
  const share = (value: number) => (busyMs === 0 ? 0 : (value / busyMs) * 100);
  return {
    busyMs,
    idleMs,
    functions: [...selfByFrame.values()]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top)
      .map((spot) => ({ ...spot, percent: share(spot.selfMs) })),
    groups: [...selfByGroup.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([group, selfMs]) => ({ group, selfMs, percent: share(selfMs) })),
  };
}
