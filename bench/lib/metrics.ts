import type { MetricName } from './results';

/** How a figure is named, which way is better, and how it is printed. */
export interface MetricInfo {
  label: string;
  higherIsBetter: boolean;
  format: (value: number) => string;
}

const integer = (value: number) => Math.round(value).toLocaleString('en-US');
const fixed = (digits: number) => (value: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Every metric's presentation. */
export const METRICS: Record<MetricName, MetricInfo> = {
  callsPerSec: { label: 'calls/s', higherIsBetter: true, format: integer },
  p50Ms: { label: 'p50 ms', higherIsBetter: false, format: fixed(3) },
  p99Ms: { label: 'p99 ms', higherIsBetter: false, format: fixed(3) },
  cpuUsPerCall: { label: 'server CPU µs/call', higherIsBetter: false, format: fixed(1) },
  deliveriesPerSec: { label: 'deliveries/s', higherIsBetter: true, format: integer },
  deliveryP50Ms: { label: 'p50 delivery ms', higherIsBetter: false, format: fixed(2) },
  deliveryP99Ms: { label: 'p99 delivery ms', higherIsBetter: false, format: fixed(2) },
  cpuUsPerDelivery: { label: 'server CPU µs/delivery', higherIsBetter: false, format: fixed(2) },
  serverCpuPct: { label: 'server CPU %', higherIsBetter: false, format: integer },
  rssKbPerConn: { label: 'RSS KB/conn', higherIsBetter: false, format: fixed(2) },
  heapKbPerConn: { label: 'heap KB/conn', higherIsBetter: false, format: fixed(2) },
};
