/** Summary statistics for benchmark samples, in the shape every result file uses. */
import { loadavg } from 'node:os';

/** The figure a metric is read against, measured in the same run (its median). */
export interface Floor {
  metric: string;
  median: number;
}

export interface Metric {
  name: string;
  unit: string;
  median: number;
  p95: number;
  min: number;
  /** How many samples the statistics are computed from. */
  samples: number;
  note: string;
  /** 1-, 5- and 15-minute load average when the metric was summarized (the machine is shared). */
  loadAverage: number[];
  /** What the figure is read against, or null (with the reason in `note`) when it has none. */
  floor: Floor | null;
}

const load = (): number[] => loadavg().map((l) => Math.round(l * 100) / 100);

/** The metric read against `floor` (a metric of the same run). */
export function withFloor(metric: Metric, floor: Metric | { metric: string; median: number }): Metric {
  return { ...metric, floor: 'name' in floor ? { metric: floor.name, median: floor.median } : floor };
}

/** Nearest-rank percentile of already sorted values (`p` in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Rounds to a few significant digits so result files stay readable and diff well. */
export function round(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const digits = Math.max(0, 3 - Math.floor(Math.log10(Math.abs(value))));
  return Number(value.toFixed(Math.min(digits, 6)));
}

export function summarize(name: string, unit: string, values: readonly number[], note: string): Metric {
  if (values.length === 0) throw new Error(`metric ${name}: no samples`);
  const sorted = [...values].sort((a, b) => a - b);
  return {
    name,
    unit,
    median: round(median(sorted)),
    p95: round(percentile(sorted, 95)),
    min: round(sorted[0] ?? Number.NaN),
    samples: sorted.length,
    note,
    loadAverage: load(),
    floor: null,
  };
}

/** A metric computed from other metrics (a difference or ratio): median/p95/min are each derived. */
export function derived(name: string, unit: string, parts: { median: number; p95: number; min: number; samples: number }, note: string): Metric {
  return {
    name,
    unit,
    median: round(parts.median),
    p95: round(parts.p95),
    min: round(parts.min),
    samples: parts.samples,
    note,
    loadAverage: load(),
    floor: null,
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
