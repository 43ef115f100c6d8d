/**
 * Writes the page's edits back into the app folder, only when the user asks ("Save to folder").
 * Only app source a reload would read is written: no path outside the folder, nothing under
 * node_modules or a dot folder, nothing `.rcappsconfig` ignores.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { skipReason } from '../workspace/import-project.ts';
import type { DevSaveResponse } from './protocol.ts';

export async function saveFiles(dir: string, files: Record<string, string>, isIgnored: (path: string) => boolean): Promise<DevSaveResponse> {
  const out: DevSaveResponse = { written: [], refused: [] };
  for (const [path, text] of Object.entries(files)) {
    const refuse = (reason: string) => out.refused.push({ path, reason });
    if (typeof text !== 'string') {
      refuse('not text');
      continue;
    }
    const clean = normalize(path).split(sep).join('/');
    const full = join(dir, clean);
    const rel = relative(dir, full);
    if (isAbsolute(path) || rel.startsWith('..') || isAbsolute(rel) || rel === '') {
      refuse('outside the app folder');
      continue;
    }
    if (clean.split('/').some((p) => p === 'node_modules')) {
      refuse('under node_modules');
      continue;
    }
    const skip = skipReason(clean, Buffer.byteLength(text));
    if (skip) {
      refuse(`not app source (${skip})`);
      continue;
    }
    if (isIgnored(clean)) {
      refuse('ignored by .rcappsconfig');
      continue;
    }
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, text);
    out.written.push(clean);
  }
  return out;
}
