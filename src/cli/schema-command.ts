/** `hookscope schema`: the scenario format's JSON Schema, generated from the zod schema. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { scenarioJsonSchema } from '../scenario/json-schema.ts';
import { parse } from './args.ts';
import type { CliIO } from './io.ts';
import { SCHEMA_USAGE } from './usage.ts';

export async function schemaCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.out(SCHEMA_USAGE);
    return 0;
  }
  if (positionals.length) {
    io.err(`hookscope schema: unexpected argument ${JSON.stringify(positionals[0])}`);
    return 2;
  }
  const text = JSON.stringify(scenarioJsonSchema(), null, 2);
  if (values.out !== undefined) await writeFile(resolve(io.cwd ?? process.cwd(), values.out), text + '\n');
  else io.out(text);
  return 0;
}
