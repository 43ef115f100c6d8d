/**
 * The gallery examples as scenario files in examples/gallery/, for `npx hookscope run`.
 * Regenerate with: npx tsx src/examples/example-files.ts (a test checks they are in sync).
 */
import { EXAMPLES, type Example } from './index.ts';

export const GALLERY_DIR = 'examples/gallery';

export function exampleFileText(e: Example): string {
  return JSON.stringify({ description: `${e.title}: ${e.explanation} ${e.scenario.description ?? ''}`.trim(), ...e.scenario }, null, 2) + '\n';
}

export function exampleFiles(): { path: string; text: string }[] {
  return EXAMPLES.map((e) => ({ path: `${GALLERY_DIR}/${e.id}.json`, text: exampleFileText(e) }));
}

if (typeof process !== 'undefined' && process.argv[1]?.endsWith('example-files.ts')) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(GALLERY_DIR, { recursive: true });
  for (const f of exampleFiles()) writeFileSync(f.path, f.text);
  console.log(`wrote ${EXAMPLES.length} files to ${GALLERY_DIR}/`);
}
