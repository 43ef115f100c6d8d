/** Summary statistics for benchmark samples, in the shape every result file uses. */

export interface Metric {
  name: string;
  unit: string;
  median: number;
  p95: number;
  min: number;
  /** How many samples the statistics are computed from. */
  samples: number;
  note: string;
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
  };
}

/** A metric computed from other metrics (a difference or ratio): median/p95/min are each derived. */
export function derived(name: string, unit: string, parts: { median: number; p95: number; min: number; samples: number }, note: string): Metric {
  return { name, unit, median: round(parts.median), p95: round(parts.p95), min: round(parts.min), samples: parts.samples, note };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
