/** How long and how often a run measures. Every loop is bounded by a count and a time. */
export interface Profile {
  name: 'full' | 'quick';
  /** Calls or broadcasts made (and thrown away) before the first window. */
  warmupMs: number;
  /** One measured window: at most this long… */
  windowMs: number;
  /** …and at most this many calls. */
  maxCalls: number;
  /** At most this many broadcasts per fan-out window. */
  maxBroadcasts: number;
  /** Windows per figure. */
  reps: number;
  /** Fresh servers weighed per memory figure. */
  memoryReps: number;
  /** Workloads to run. */
  workloads: WorkloadId[];
  /** Whether RPC runs only with one call in flight (quick) or in every configuration. */
  serialRpcOnly: boolean;
  /** Fan-out sizes (workload 4). */
  fanoutSizes: number[];
  /** Idle connection counts (workload 5). */
  idleSizes: number[];
}

/** The seven workloads of issue 10. */
export type WorkloadId = 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W6' | 'W7';

/** `npm run bench`: every workload, 3 repetitions of 2 s windows; a few minutes. */
export const FULL: Profile = {
  name: 'full',
  warmupMs: 1000,
  windowMs: 2000,
  maxCalls: 1_000_000,
  maxBroadcasts: 100_000,
  reps: 3,
  memoryReps: 3,
  workloads: ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7'],
  serialRpcOnly: false,
  fanoutSizes: [100, 1000],
  idleSizes: [1000, 5000],
};

/** `npm run bench:quick`: the headline figures only, short windows; under a minute (for CI). */
export const QUICK: Profile = {
  name: 'quick',
  warmupMs: 300,
  windowMs: 500,
  maxCalls: 200_000,
  maxBroadcasts: 20_000,
  reps: 3,
  memoryReps: 1,
  workloads: ['W1', 'W3', 'W4', 'W5'],
  serialRpcOnly: true,
  fanoutSizes: [100],
  idleSizes: [1000],
};
