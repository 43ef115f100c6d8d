/** What every reporter gets: one entry per scenario file, in the order they were given. */
import type { ScenarioReport } from '../../scenario/run-scenario.ts';

export type FileResult =
  | { file: string; kind: 'ran'; report: ScenarioReport; durationMs: number }
  /** The file could not be read, is not a valid scenario, or its apps could not be read. */
  | { file: string; kind: 'error'; problems: string[]; durationMs: number };

export interface RunSummary {
  files: FileResult[];
  passed: boolean;
}

export type Reporter = (summary: RunSummary) => string;
