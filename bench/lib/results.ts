import type { WorkloadId } from '../workloads/profile';
import type { Spread } from './stats';

/** Every figure the benchmark reports. */
export type MetricName =
  | 'callsPerSec'
  | 'p50Ms'
  | 'p99Ms'
  | 'cpuUsPerCall'
  | 'deliveriesPerSec'
  | 'deliveryP50Ms'
  | 'deliveryP99Ms'
  | 'cpuUsPerDelivery'
  | 'serverCpuPct'
  | 'rssKbPerConn'
  | 'heapKbPerConn';

/** One comparator in one configuration, over the repetitions. */
export interface Row {
  workload: WorkloadId;
  /** The comparator's id (`lucky-full`, `sio`, …); with `config`, the row's key. */
  variant: string;
  label: string;
  /** `1 conn × 1 in flight`, `100 receivers`, `1,000 conns`… */
  config: string;
  /** Whether this is a LuckyStack figure (shown with ratios). */
  lucky: boolean;
  metrics: Partial<Record<MetricName, Spread>>;
  /** Calls or broadcasts the server answered with an error; a figure with errors is suspect. */
  errors: number;
  /** The comparators a LuckyStack row is divided by, in the same configuration. @defaultValue sio, ws */
  compareTo?: { sio: string; ws?: string };
}

/** The key rows are found by: a comparator in a configuration. */
export function rowKey(variant: string, config: string): string {
  return `${variant}@${config}`;
}

/** Everything one run measured, as written to `results/<timestamp>.json`. */
export interface RunResult {
  profile: string;
  command: string;
  startedAt: string;
  durationS: number;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    platform: string;
    pinned: boolean;
    packages: string;
  };
  skipped: string[];
  rows: Row[];
}
