/** A gallery example: a ready workspace (a scenario) with the actions to try and what they give. */
import type { RoomEvent } from '../engine/events.ts';
import type { ScenarioInput } from '../scenario/schema.ts';

export interface Example {
  id: string;
  title: string;
  /** One line: what it shows. */
  explanation: string;
  /** The interfaces its apps implement. */
  interfaces: RoomEvent[];
  /** The scenario: apps, world, and `steps` = the actions to try, each with the `expect` it promises. */
  scenario: ScenarioInput & { steps: NonNullable<ScenarioInput['steps']> };
  /** Text the host's answer contains, per step index (beyond the outcome and error code). */
  answerIncludes?: Record<number, string>;
}

const IMPORTS = {
  accessors: "import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';",
  app: "import { App } from '@rocket.chat/apps-engine/definition/App';",
};

/** An app's source: the usual imports, the extra ones, then the class. */
export function source(extraImports: string[], body: string): string {
  return [IMPORTS.app, IMPORTS.accessors, ...extraImports, '', body.trim(), ''].join('\n');
}

export const ROOMS_IMPORT = (...names: string[]) => `import { ${names.join(', ')} } from '@rocket.chat/apps-engine/definition/rooms';`;
export const EXCEPTIONS_IMPORT = "import { UserNotAllowedException } from '@rocket.chat/apps-engine/definition/exceptions';";

/** The same small world in every example: four users, a default channel and a private group. */
export function exampleWorld(extraRooms: NonNullable<ScenarioInput['rooms']> = []): Pick<ScenarioInput, 'users' | 'rooms'> {
  return {
    users: [
      { id: 'u-alice', username: 'alice', name: 'Alice Admin', roles: ['admin', 'user'] },
      { id: 'u-bob', username: 'bob', name: 'Bob', roles: ['user'] },
      { id: 'u-carol', username: 'carol', name: 'Carol', roles: ['user'] },
      { id: 'u-gus', username: 'gus', name: 'Gus Guest', roles: ['guest'] },
    ],
    rooms: [
      { id: 'r-general', slugifiedName: 'general', type: 'c', creator: 'alice', members: ['bob', 'carol'], isDefault: true },
      { id: 'r-team', slugifiedName: 'team', type: 'p', creator: 'alice', members: ['bob'] },
      ...extraRooms,
    ],
  };
}
