import type { WorkloadId } from '../workloads/profile';
import { METRICS } from './metrics';
import { type MetricName, type Row, type RunResult, rowKey } from './results';
import type { Spread } from './stats';
import type { TargetCheck } from './targets';

interface Section {
  workload: WorkloadId;
  title: string;
  metrics: MetricName[];
  /** The figures a LuckyStack row is divided by its baselines' (a difference, for memory). */
  compared: MetricName[];
  difference?: boolean;
}

const RPC: MetricName[] = ['callsPerSec', 'p50Ms', 'p99Ms', 'cpuUsPerCall', 'serverCpuPct'];
const RPC_COMPARED: MetricName[] = ['callsPerSec', 'cpuUsPerCall', 'p99Ms'];
const FANOUT: MetricName[] = [
  'deliveriesPerSec',
  'deliveryP50Ms',
  'deliveryP99Ms',
  'cpuUsPerDelivery',
  'serverCpuPct',
];
const FANOUT_COMPARED: MetricName[] = ['deliveriesPerSec', 'cpuUsPerDelivery', 'deliveryP99Ms'];

const SECTIONS: Section[] = [
  { workload: 'W1', title: '1. RPC, one call in flight', metrics: RPC, compared: RPC_COMPARED },
  { workload: 'W2', title: '2. RPC, pipelined', metrics: RPC, compared: RPC_COMPARED },
  {
    workload: 'W3',
    title: '3. RPC, the realistic path: auth rules + Zod + memory session',
    metrics: RPC,
    compared: RPC_COMPARED,
  },
  { workload: 'W4', title: '4. Room sync fan-out', metrics: FANOUT, compared: FANOUT_COMPARED },
  {
    workload: 'W5',
    title: '5. Memory per idle connection (server, after GC)',
    metrics: ['rssKbPerConn', 'heapKbPerConn'],
    compared: ['rssKbPerConn', 'heapKbPerConn'],
    difference: true,
  },
  {
    workload: 'W6',
    title: '6. Fan-out on two nodes (Redis adapter) against one node',
    metrics: FANOUT,
    compared: FANOUT_COMPARED,
  },
  { workload: 'W7', title: '7. RPC with the Redis session store', metrics: RPC, compared: RPC_COMPARED },
];

function cell(value: Spread | undefined, metric: MetricName): string {
  if (!value || !Number.isFinite(value.median)) return '–';
  const { format } = METRICS[metric];
  return `${format(value.median)} <sub>${format(value.min)}–${format(value.max)}</sub>`;
}

function comparison(row: Row, baseline: Row | undefined, section: Section): string {
  if (!row.lucky || !baseline) return '';
  return section.compared
    .map((metric) => {
      const lucky = row.metrics[metric]?.median;
      const base = baseline.metrics[metric]?.median;
      if (lucky === undefined || base === undefined || !Number.isFinite(lucky) || !base) return '–';
      if (section.difference) return `${lucky - base >= 0 ? '+' : ''}${(lucky - base).toFixed(2)}`;
      return `${(lucky / base).toFixed(2)}×`;
    })
    .join(' · ');
}

function comparedHeader(section: Section, against: string): string {
  const names = section.compared.map((metric) => METRICS[metric].label).join(' · ');
  return section.difference ? `${against}: + KB (${names})` : `÷ ${against} (${names})`;
}

function sectionTable(section: Section, rows: Row[], all: Map<string, Row>, extra: Row[]): string {
  const header = [
    'comparator',
    'config',
    ...section.metrics.map((metric) => METRICS[metric].label),
    comparedHeader(section, 'Socket.IO'),
    comparedHeader(section, 'raw ws'),
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of [...rows, ...extra]) {
    const sio = all.get(rowKey(row.compareTo?.sio ?? 'sio', row.config));
    const ws = all.get(rowKey(row.compareTo?.ws ?? 'ws', row.config));
    const from = extra.includes(row) ? ` (from ${row.workload})` : '';
    const warning = row.errors > 0 ? ` ⚠ ${row.errors} errors` : '';
    const name = row.lucky ? `**${row.label}**` : row.label;
    lines.push(
      `| ${name}${from}${warning} | ${row.config} | ${section.metrics
        .map((metric) => cell(row.metrics[metric], metric))
        .join(' | ')} | ${comparison(row, sio, section)} | ${comparison(row, ws, section)} |`,
    );
  }
  return lines.join('\n');
}

/** The per-workload tables, as Markdown. */
export function workloadTables(result: RunResult): string {
  const all = new Map(result.rows.map((row) => [rowKey(row.variant, row.config), row]));
  const out: string[] = [];
  for (const section of SECTIONS) {
    const rows = result.rows.filter((row) => row.workload === section.workload);
    if (rows.length === 0) continue;
    // Workload 6 is read against the one-node rows of workload 4 in the same configuration.
    const extra =
      section.workload === 'W6'
        ? result.rows.filter(
            (row) =>
              row.workload === 'W4' &&
              ['sio', 'lucky'].includes(row.variant) &&
              rows.some((own) => own.config === row.config),
          )
        : [];
    out.push(`### ${section.title}\n\n${sectionTable(section, rows, all, extra)}`);
  }
  return out.join('\n\n');
}

/** The targets of issue 10, checked, as a Markdown table. */
export function targetTable(checks: TargetCheck[]): string {
  const lines = ['| target | config | LuckyStack | baseline | result | met |', '|---|---|---|---|---|---|'];
  for (const check of checks) {
    const limit = `${check.kind === 'min' ? '≥' : '≤'} ${check.limit.toFixed(2)}×`;
    lines.push(
      `| ${check.text} | ${check.config} | ${check.lucky.toPrecision(4)} | ${check.baseline.toPrecision(4)} | ${check.shown} (limit ${limit}) | ${check.met ? '✅' : '❌'} |`,
    );
  }
  return lines.join('\n');
}

const NOTES_START = '<!-- notes -->';
const NOTES_END = '<!-- /notes -->';

/** The hand-written notes of an existing RESULTS.md, kept across runs. */
export function keptNotes(previous: string | undefined): string {
  const start = previous?.indexOf(NOTES_START) ?? -1;
  const end = previous?.indexOf(NOTES_END) ?? -1;
  if (!previous || start === -1 || end < start) return `${NOTES_START}\n_No notes yet._\n${NOTES_END}`;
  return previous.slice(start, end + NOTES_END.length);
}

/** The whole RESULTS.md of a full run. */
export function resultsMarkdown(
  result: RunResult,
  checks: TargetCheck[],
  notes: string,
  chartFile: string,
): string {
  const { machine } = result;
  const met = checks.filter((check) => check.met).length;
  return `# LuckyStack benchmarks

Generated by \`${result.command}\` on ${result.startedAt.slice(0, 10)} in ${Math.round(result.durationS)} s; raw figures in
[RESULTS.json](RESULTS.json). Rerun with \`npm run bench\` (full, a few minutes) or \`npm run bench:quick\` (under a
minute, fewer comparators).

- **Machine:** ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, ${machine.platform}. ${
    machine.pinned
      ? 'Servers pinned to core 0 and load generators to core 1 with `taskset`.'
      : 'No `taskset`: processes are not pinned.'
  }
- **Packages:** ${machine.packages}.
- **Method:** server and load generators are separate processes on loopback. Each figure is the median of
  the repetitions, with min–max in small print; every window is bounded in time and count, after a warm-up.
  Comparators of one configuration run side by side and their repetitions are interleaved, so a busy spell
  on the machine hits them alike. Server CPU is the server process's own \`process.cpuUsage()\` over the
  window. Every Socket.IO-based comparator uses real \`socket.io-client\` sockets (LuckyStack: its client on
  one), websocket transport only. Delivery latency is send → receipt across processes on the wall clock.
${result.skipped.length > 0 ? `- **Skipped:** ${result.skipped.join('; ')}.\n` : ''}
## Targets

${met} of ${checks.length} checks met. A ratio is LuckyStack's median ÷ the baseline's median in the same run.

${targetTable(checks)}

![Ratios of LuckyStack to its baselines](${chartFile})

## Figures

Bold rows are LuckyStack. "÷ Socket.IO" divides a LuckyStack figure by plain Socket.IO's in the same
configuration (the \`apiRequest\`/\`apiResponse-{i}\` pattern by hand for RPC, \`to(room).emit\` for fan-out);
"÷ raw ws" by raw \`ws\`'s.

${workloadTables(result)}

## Notes

${notes}
`;
}
