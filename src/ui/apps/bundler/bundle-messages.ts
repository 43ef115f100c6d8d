/** Messages between the page and its bundling worker (bundle-worker.ts). */
import type { BundleFilesResult } from '../../../bundle/bundle-files.ts';

export type FromPage =
  | { type: 'bundle'; job: number; wasmURL: string; files: Record<string, string>; classFile: string; outPath: string }
  | { type: 'file'; ask: number; text: string | null };

export type ToPage =
  | { type: 'read'; job: number; ask: number; path: string }
  | { type: 'done'; job: number; result: BundleFilesResult; initMs: number; bundleMs: number }
  | { type: 'failed'; job: number; message: string; file?: string; line?: number };
