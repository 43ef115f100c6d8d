/**
 * The scenario format as JSON Schema (draft 2020-12), generated from the zod schema so the two
 * never disagree. Shipped in the package as `scenario.schema.json`; exported files point their
 * `$schema` at it so editors complete and check them.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'hookscope scenario',
    description: 'Apps, world and steps for hookscope (a Rocket.Chat Apps-Engine room-event debugger): `hookscope run` runs it headless.',
  };
}
