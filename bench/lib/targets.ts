import { type MetricName, type Row, rowKey } from './results';

/** One target of issue 10, checked in every configuration where both rows exist. */
interface Target {
  text: string;
  variant: string;
  baseline: string;
  metric: MetricName;
  /** A ratio the LuckyStack figure must reach (`min`) or stay under (`max`)… */
  min?: number;
  max?: number;
  /** …or a difference in the metric's unit it must stay under. */
  maxDifference?: number;
}

const TARGETS: Target[] = [
  {
    text: 'calls/s ≥ 1.0× Socket.IO, bare handler',
    variant: 'lucky',
    baseline: 'sio',
    metric: 'callsPerSec',
    min: 1,
  },
  {
    text: 'calls/s ≥ 0.9× Socket.IO, auth rules + Zod + memory session',
    variant: 'lucky-full',
    baseline: 'sio',
    metric: 'callsPerSec',
    min: 0.9,
  },
  {
    text: 'server CPU/call ≤ 1.15× Socket.IO',
    variant: 'lucky',
    baseline: 'sio',
    metric: 'cpuUsPerCall',
    max: 1.15,
  },
  { text: 'p99 ≤ 1.15× Socket.IO', variant: 'lucky', baseline: 'sio', metric: 'p99Ms', max: 1.15 },
  { text: 'calls/s ≥ Feathers', variant: 'lucky', baseline: 'feathers', metric: 'callsPerSec', min: 1 },
  { text: 'calls/s ≥ tRPC', variant: 'lucky', baseline: 'trpc', metric: 'callsPerSec', min: 1 },
  {
    text: 'calls/s ≥ tRPC, realistic path',
    variant: 'lucky-full',
    baseline: 'trpc-full',
    metric: 'callsPerSec',
    min: 1,
  },
  {
    text: 'fan-out ≥ 0.9× to(room).emit, no _client',
    variant: 'lucky',
    baseline: 'sio',
    metric: 'deliveriesPerSec',
    min: 0.9,
  },
  {
    text: 'fan-out ≥ 0.5× to(room).emit, with _client',
    variant: 'lucky-client',
    baseline: 'sio',
    metric: 'deliveriesPerSec',
    min: 0.5,
  },
  {
    text: 'idle conn RSS ≤ Socket.IO + 2 KB',
    variant: 'lucky',
    baseline: 'sio',
    metric: 'rssKbPerConn',
    maxDifference: 2,
  },
  {
    text: 'idle conn heap ≤ Socket.IO + 2 KB',
    variant: 'lucky',
    baseline: 'sio',
    metric: 'heapKbPerConn',
    maxDifference: 2,
  },
  {
    text: 'idle conn RSS ≤ Socket.IO + 2 KB, logged in',
    variant: 'lucky-session',
    baseline: 'sio',
    metric: 'rssKbPerConn',
    maxDifference: 2,
  },
  {
    text: 'idle conn heap ≤ Socket.IO + 2 KB, logged in',
    variant: 'lucky-session',
    baseline: 'sio',
    metric: 'heapKbPerConn',
    maxDifference: 2,
  },
];

/** One target checked in one configuration. */
export interface TargetCheck {
  text: string;
  config: string;
  lucky: number;
  baseline: number;
  ratio: number;
  /** The limit as a ratio (a difference limit is converted at this baseline). */
  limit: number;
  kind: 'min' | 'max';
  met: boolean;
  /** How the result reads: `0.93×`, or `+1.20 KB`. */
  shown: string;
}

function medianOf(row: Row | undefined, metric: MetricName): number | undefined {
  const value = row?.metrics[metric]?.median;
  return value === undefined || !Number.isFinite(value) ? undefined : value;
}

/** Checks every target against the run's rows (medians), in each configuration both sides were run in. */
export function checkTargets(rows: Row[]): TargetCheck[] {
  const byKey = new Map(rows.map((row) => [rowKey(row.variant, row.config), row]));
  const checks: TargetCheck[] = [];
  for (const target of TARGETS) {
    for (const row of rows.filter((candidate) => candidate.variant === target.variant)) {
      const lucky = medianOf(row, target.metric);
      const baseline = medianOf(byKey.get(rowKey(target.baseline, row.config)), target.metric);
      if (lucky === undefined || baseline === undefined || baseline === 0) continue;
      const ratio = lucky / baseline;
      const kind = target.min !== undefined ? 'min' : 'max';
      const limit =
        target.maxDifference !== undefined
          ? (baseline + target.maxDifference) / baseline
          : (target.min ?? target.max)!;
      const met = kind === 'min' ? ratio >= limit : ratio <= limit;
      const shown =
        target.maxDifference !== undefined
          ? `${lucky - baseline >= 0 ? '+' : ''}${(lucky - baseline).toFixed(2)} KB`
          : `${ratio.toFixed(2)}×`;
      checks.push({ text: target.text, config: row.config, lucky, baseline, ratio, limit, kind, met, shown });
    }
  }
  return checks;
}
