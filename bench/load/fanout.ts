/**
 * Fan-out load: one process holds either `receivers` clients that joined the room, or the one sender.
 * Receivers record each delivery's latency (send → receipt, on the shared wall clock) and report the
 * highest sequence number every local receiver has got (every few broadcasts, or within 1 ms); the
 * orchestrator forwards the lowest of those to the sender as `credit`, so at most `window` broadcasts are
 * undelivered. Reporting every broadcast would spend a tenth of the receivers' core on IPC.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ClientName } from '../clients/registry';
import { CLIENTS } from '../clients/registry';
import type { BenchConnection, ConnectOptions } from '../clients/types';
import { answerRequests, onParentEvent, sendEvent } from '../lib/childChannel';
import { wallClockMs } from '../lib/clock';
import { type DeliveryData, ROOM, tokenFor } from '../lib/fixtures';
import { Histogram, type HistogramData } from '../lib/Histogram';
import { openMany } from './openMany';

/** What the orchestrator passes in `BENCH_LOAD`. */
export interface FanoutLoadConfig {
  client: ClientName;
  /** Receivers connect round-robin over these (several nodes); the sender to the first. */
  urls: string[];
  role: 'receivers' | 'sender';
  /** How many receivers this process holds. */
  receivers: number;
  /** The first seeded session this process's clients use. */
  tokenBase: number;
  sync: NonNullable<ConnectOptions['sync']>;
}

/** The bounds of one measured window. */
export interface FanoutRunBounds {
  maxMs: number;
  maxBroadcasts: number;
  /** Broadcasts allowed in flight (sent, not yet delivered to every receiver). */
  window: number;
}

/** What the sender measured. */
export interface SenderResult {
  broadcasts: number;
  errors: number;
  elapsedMs: number;
  /** Whether every broadcast reached every receiver before the drain time-out. */
  drained: boolean;
}

/** What a receiver process measured. */
export interface ReceiverResult {
  deliveries: number;
  histogram: HistogramData;
}

const DRAIN_MS = 10_000;
/** Report progress once this many broadcasts have completed since the last report… */
const REPORT_STEP = 4;
/** …or this long after the first unreported one. */
const REPORT_DELAY_MS = 1;
/** Sequence numbers in flight are counted in a ring; it only needs to exceed the window. */
const RING = 1 << 16;

const config = JSON.parse(process.env.BENCH_LOAD!) as FanoutLoadConfig;
let connections: BenchConnection[] = [];

// Receiver side.
let histogram = new Histogram();
const counts = new Int32Array(RING);
let completed = 0;
let reported = 0;
let reportTimer: ReturnType<typeof setTimeout> | undefined;

function report(): void {
  clearTimeout(reportTimer);
  reportTimer = undefined;
  reported = completed;
  sendEvent('progress', completed);
}

function onDelivery(data: DeliveryData): void {
  histogram.record((wallClockMs() - data.sentAt) * 1000);
  const slot = data.seq % RING;
  if (++counts[slot]! < config.receivers) return;
  counts[slot] = 0;
  completed = data.seq;
  if (completed - reported >= REPORT_STEP) report();
  else reportTimer ??= setTimeout(report, REPORT_DELAY_MS);
}

// Sender side.
let credit = 0;
let creditWaiter: (() => void) | undefined;
onParentEvent('credit', (seq) => {
  credit = Math.max(credit, seq as number);
  creditWaiter?.();
});

function nextCredit(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    creditWaiter = () => {
      clearTimeout(timer);
      creditWaiter = undefined;
      resolve();
    };
  });
}

async function send({ maxMs, maxBroadcasts, window }: FanoutRunBounds): Promise<SenderResult> {
  const sender = connections[0]!;
  credit = 0;
  let seq = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + maxMs;
  while (seq < maxBroadcasts && performance.now() < deadline) {
    if (seq - credit >= window) {
      await nextCredit(deadline - performance.now());
      continue;
    }
    seq++;
    sender.broadcast!(ROOM, { seq, sentAt: wallClockMs(), text: 'cursor moved' }).then(
      (ok) => {
        if (!ok) errors++;
      },
      () => errors++,
    );
  }
  const drainDeadline = performance.now() + DRAIN_MS;
  while (credit < seq && performance.now() < drainDeadline)
    await nextCredit(drainDeadline - performance.now());
  // Let the last confirmations arrive, so refusals are counted.
  await sleep(1);
  return { broadcasts: seq, errors, elapsedMs: performance.now() - started, drained: credit >= seq };
}

answerRequests({
  connect: async () => {
    const connect = CLIENTS[config.client];
    const count = config.role === 'sender' ? 1 : config.receivers;
    connections = await openMany(count, (index) =>
      connect({
        url: config.urls[index % config.urls.length]!,
        token: tokenFor(config.tokenBase + index),
        sync: config.sync,
      }),
    );
    for (const connection of connections) {
      await connection.join!(ROOM);
      if (config.role === 'receivers') connection.onDelivery!(onDelivery);
    }
  },
  start: () => {
    histogram = new Histogram();
    counts.fill(0);
    completed = 0;
    reported = 0;
  },
  send,
  collect: (): ReceiverResult => ({ deliveries: histogram.count, histogram: histogram.toData() }),
  stop: () => {
    for (const connection of connections) connection.close();
  },
});
sendEvent('ready');
