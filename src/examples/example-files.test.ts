import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/schema.ts';
import { exampleFiles } from './example-files.ts';

describe('examples/gallery/*.json', () => {
  it('match the gallery (regenerate with npx tsx src/examples/example-files.ts) and are valid scenarios', () => {
    for (const f of exampleFiles()) {
      expect(readFileSync(f.path, 'utf8'), f.path).toBe(f.text);
      expect(parseScenarioText(f.text).ok, f.path).toBe(true);
    }
  });
});
