// A hand-written SVG chart (no dependency): for each organization size, the no-change
// plan's API calls and wall time — ours (measured), the lower bound, and the naive route —
// on logarithmic axes, so S, M and L fit in one picture.
import type { BenchDocument } from './document.js';

interface Bar {
  label: string;
  value: number | undefined;
  color: string;
}

interface Panel {
  title: string;
  unit: string;
  groups: { label: string; bars: Bar[] }[];
}

const COLORS = { ours: '#2563eb', bound: '#16a34a', naive: '#dc2626' };
const PANEL_WIDTH = 380;
const PANEL_HEIGHT = 260;
const MARGIN = { top: 40, right: 10, bottom: 50, left: 56 };

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function compact(n: number): string {
  if (n >= 1e6) return `${Number((n / 1e6).toFixed(1))}M`;
  if (n >= 1e3) return `${Number((n / 1e3).toFixed(1))}k`;
  return String(Number(n.toFixed(n < 10 ? 1 : 0)));
}

function panels(docs: BenchDocument[]): Panel[] {
  const groups = (pick: (d: BenchDocument) => Bar[]) =>
    docs.map((d) => ({ label: `${d.shape} (${compact(d.organization.assignments)})`, bars: pick(d) }));
  const plan = (d: BenchDocument) => d.results.find((r) => r.command === 'plan-no-change');
  const bound = (d: BenchDocument) => d.bounds.find((b) => b.command === 'plan-no-change');
  return [
    {
      title: 'API calls of a no-change plan',
      unit: 'calls',
      groups: groups((d) => [
        { label: 'ours', value: plan(d)?.calls, color: COLORS.ours },
        { label: 'lower bound', value: bound(d)?.lowerBoundCalls, color: COLORS.bound },
        { label: 'naive', value: bound(d)?.naiveCalls, color: COLORS.naive },
      ]),
    },
    {
      title: `Wall time of a no-change plan at ${docs[0]?.settings.tps ?? 20} req/s`,
      unit: 'seconds',
      groups: groups((d) => [
        { label: 'ours', value: plan(d)?.wallSeconds, color: COLORS.ours },
        { label: 'lower bound', value: bound(d)?.rateBoundSeconds, color: COLORS.bound },
        { label: 'naive', value: (bound(d)?.naiveCalls ?? 0) / d.settings.tps || undefined, color: COLORS.naive },
      ]),
    },
  ];
}

function renderPanel(panel: Panel, x0: number): string {
  const values = panel.groups.flatMap((g) => g.bars.map((b) => b.value ?? 0)).filter((v) => v > 0);
  const top = Math.ceil(Math.log10(Math.max(10, ...values)));
  const bottom = Math.min(0, Math.floor(Math.log10(Math.min(...values, 1))));
  const plotW = PANEL_WIDTH - MARGIN.left - MARGIN.right;
  const plotH = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (v: number) => MARGIN.top + plotH - ((Math.log10(v) - bottom) / (top - bottom)) * plotH;
  const out: string[] = [
    `<g transform="translate(${x0},0)">`,
    `<text x="${PANEL_WIDTH / 2}" y="20" text-anchor="middle" font-weight="bold">${escape(panel.title)}</text>`,
  ];
  for (let e = bottom; e <= top; e++) {
    const yy = y(10 ** e).toFixed(1);
    out.push(`<line x1="${MARGIN.left}" x2="${PANEL_WIDTH - MARGIN.right}" y1="${yy}" y2="${yy}" stroke="#e5e7eb"/>`);
    out.push(
      `<text x="${MARGIN.left - 6}" y="${yy}" text-anchor="end" dominant-baseline="middle" font-size="11">${compact(10 ** e)}</text>`,
    );
  }
  out.push(
    `<text transform="translate(14,${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="11">${escape(panel.unit)} (log)</text>`,
  );
  const groupW = plotW / Math.max(1, panel.groups.length);
  panel.groups.forEach((group, gi) => {
    const barW = (groupW * 0.8) / group.bars.length;
    group.bars.forEach((bar, bi) => {
      const bx = MARGIN.left + gi * groupW + groupW * 0.1 + bi * barW;
      if (bar.value === undefined || bar.value <= 0) {
        out.push(
          `<text x="${(bx + barW / 2).toFixed(1)}" y="${MARGIN.top + plotH - 4}" text-anchor="middle" font-size="9" fill="#6b7280">n/m</text>`,
        );
        return;
      }
      const by = y(bar.value);
      out.push(
        `<rect x="${bx.toFixed(1)}" y="${by.toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(MARGIN.top + plotH - by).toFixed(1)}" fill="${bar.color}"><title>${escape(`${group.label}, ${bar.label}: ${bar.value}`)}</title></rect>`,
      );
      out.push(
        `<text x="${(bx + barW / 2).toFixed(1)}" y="${(by - 3).toFixed(1)}" text-anchor="middle" font-size="9">${compact(bar.value)}</text>`,
      );
    });
    out.push(
      `<text x="${(MARGIN.left + gi * groupW + groupW / 2).toFixed(1)}" y="${MARGIN.top + plotH + 16}" text-anchor="middle" font-size="11">${escape(group.label)}</text>`,
    );
  });
  out.push('</g>');
  return out.join('\n');
}

export function renderChart(docs: BenchDocument[]): string {
  const width = PANEL_WIDTH * 2;
  const height = PANEL_HEIGHT + 24;
  const legend = Object.entries({
    ours: 'ours (measured; n/m = not measured)',
    bound: 'lower bound',
    naive: 'naive: every account × permission set',
  }).map(
    ([key, text], i) =>
      `<rect x="${20 + i * 250}" y="${PANEL_HEIGHT + 6}" width="12" height="12" fill="${COLORS[key as keyof typeof COLORS]}"/><text x="${36 + i * 250}" y="${PANEL_HEIGHT + 16}" font-size="11">${escape(text)}</text>`,
  );
  const [calls, time] = panels(docs);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    calls ? renderPanel(calls, 0) : '',
    time ? renderPanel(time, PANEL_WIDTH) : '',
    ...legend,
    '</svg>',
    '',
  ].join('\n');
}
