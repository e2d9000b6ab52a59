/**
 * Summarises a `--cpu-prof` profile written by `run.ts --cpu-prof`: where the busy (non-idle) time went, by
 * package and by function, and optionally the inclusive time of functions matching a string.
 *
 *   node --import tsx tools/summarizeProfile.ts profiles/lucky [--top=30] [--match=handleApiRequest]
 *
 * Given a directory (one per child process), it reads the largest profile in it: the main thread's (tsx's
 * loader thread writes a small one beside it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, match: { type: 'string' } },
});

function mainThreadProfile(path: string): string {
  if (!statSync(path).isDirectory()) return path;
  const files = readdirSync(path)
    .filter((file) => file.endsWith('.cpuprofile'))
    .map((file) => join(path, file));
  const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!largest) throw new Error(`No .cpuprofile in ${path}`);
  return largest;
}

function shortUrl(url: string): string {
  return url
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\/bench\/\.snapshot\//, '@luckystack/')
    .replace(/^.*\/packages\/([a-z]+)\//, '@luckystack/$1/');
}

function packageOf(node: ProfileNode): string {
  const url = shortUrl(node.callFrame.url);
  if (url === '') return `(${node.callFrame.functionName})`;
  const parts = url.split('/');
  return url.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? url);
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
}

function add<K>(totals: Map<K, number>, key: K, time: number): void {
  totals.set(key, (totals.get(key) ?? 0) + time);
}

const file = mainThreadProfile(positionals[0] ?? 'profiles');
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

const selfTime = new Map<number, number>();
profile.samples.forEach((id, index) => {
  if (byId.get(id)?.callFrame.functionName !== '(idle)') add(selfTime, id, profile.timeDeltas[index] ?? 0);
});

const busy = [...selfTime.values()].reduce((sum, time) => sum + time, 0);
const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, time] of selfTime) {
  const node = byId.get(id)!;
  add(byPackage, packageOf(node), time);
  add(byFunction, label(node), time);
  const seen = new Set<string>();
  for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) {
    const name = label(byId.get(current)!);
    if (!seen.has(name)) add(inclusive, name, time);
    seen.add(name);
  }
}

const top = Number(values.top);
const print = (title: string, totals: Map<string, number>, filter: (key: string) => boolean = () => true) => {
  console.log(`\n${title}`);
  const rows = [...totals].filter(([key]) => filter(key)).sort((a, b) => b[1] - a[1]);
  for (const [key, time] of rows.slice(0, top)) {
    console.log(`${((100 * time) / busy).toFixed(1).padStart(6)} %  ${key}`);
  }
};
console.log(`${file}: ${(busy / 1000).toFixed(0)} ms busy (idle excluded)`);
print('self time by package', byPackage);
print('self time by function', byFunction);
if (values.match)
  print(`inclusive time, functions matching "${values.match}"`, inclusive, (key) =>
    key.includes(values.match!),
  );
