import type { TargetCheck } from './targets';

const ROW_HEIGHT = 22;
const LABEL_WIDTH = 540;
const PLOT_WIDTH = 380;
const VALUE_WIDTH = 70;
const TOP = 34;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A horizontal bar chart of the targets' ratios (LuckyStack ÷ baseline): one bar per check, green when
 * met, red when not, a dashed line at 1.0 and a tick at each target's limit. Plain SVG, no library.
 */
export function ratioChart(checks: TargetCheck[], title: string): string {
  const scaleMax = Math.max(
    1.5,
    ...checks.map((check) => Math.min(check.ratio, 4) * 1.05),
    ...checks.map((c) => c.limit * 1.05),
  );
  const x = (ratio: number) => LABEL_WIDTH + (Math.min(ratio, scaleMax) / scaleMax) * PLOT_WIDTH;
  const height = TOP + checks.length * ROW_HEIGHT + 30;
  const width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="8" y="20" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  checks.forEach((check, index) => {
    const y = TOP + index * ROW_HEIGHT;
    const colour = check.met ? '#2e9d4f' : '#d0413c';
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeXml(`${check.text} (${check.config})`)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${(x(check.ratio) - LABEL_WIDTH).toFixed(1)}" height="${ROW_HEIGHT - 8}" fill="${colour}"/>`,
      `<line x1="${x(check.limit).toFixed(1)}" x2="${x(check.limit).toFixed(1)}" y1="${y + 1}" y2="${y + ROW_HEIGHT - 1}" stroke="#000" stroke-width="2"/>`,
      `<text x="${LABEL_WIDTH + PLOT_WIDTH + 6}" y="${y + 15}">${check.ratio.toFixed(2)}×</text>`,
    );
  });
  const bottom = TOP + checks.length * ROW_HEIGHT;
  parts.push(
    `<line x1="${x(1)}" x2="${x(1)}" y1="${TOP - 4}" y2="${bottom + 4}" stroke="#555" stroke-dasharray="4 3"/>`,
    `<text x="${x(1)}" y="${bottom + 18}" text-anchor="middle">1.0× (baseline)</text>`,
    `<text x="${LABEL_WIDTH}" y="${bottom + 18}">0</text>`,
    `<text x="${LABEL_WIDTH + PLOT_WIDTH}" y="${bottom + 18}" text-anchor="end">${scaleMax.toFixed(1)}×</text>`,
    `<text x="8" y="${bottom + 18}" fill="#555">bar: LuckyStack ÷ baseline (median) · black tick: target</text>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}
