/**
 * The cases the fidelity harness runs, as data, and the code and scenario made from them.
 *
 * A **batch** shares a pool of apps (each compiled once and started once in the real engine);
 * each **pipeline** of the batch enables 1-5 of them in its own order and gives every method of
 * every app its own behaviour. An app finds the behaviour for the current pipeline by the room's
 * name: every room of pipeline k is named `p<k>-...` and the app reads `PLAN["p<k>"][method]`.
 * So the same source text, with the same table, runs in hookscope and in the real engine.
 */

export const INTERFACES = [
  'IPreRoomCreatePrevent',
  'IPreRoomCreateExtend',
  'IPreRoomCreateModify',
  'IPostRoomCreate',
  'IPreRoomDeletePrevent',
  'IPostRoomDeleted',
  'IPreRoomUserJoined',
  'IPostRoomUserJoined',
  'IPreRoomUserLeave',
  'IPostRoomUserLeave',
] as const;
export type Iface = (typeof INTERFACES)[number];

/** Execute method name of an interface (spec section 1). */
export function executeOf(i: Iface): string {
  return `execute${i.slice(1)}`;
}
/** Check method name, for the six interfaces that have one. */
export function checkOf(i: Iface): string | null {
  return /UserJoined|UserLeave/.test(i) ? null : `check${i.slice(1)}`;
}

export const EXECUTE_BEHAVIOURS = [
  'true',
  'false',
  'object',
  'nothing',
  'room',
  'changed-room',
  'accessor',
  'mutate',
  'error',
  'ae',
  'ae-nomsg',
  'una',
  'una-nomsg',
  'timeout',
] as const;
export type ExecuteBehaviour = (typeof EXECUTE_BEHAVIOURS)[number];
export const CHECK_BEHAVIOURS = ['true', 'false', 'nothing', 'error', 'ae'] as const;
export type CheckBehaviour = (typeof CHECK_BEHAVIOURS)[number];

export interface PoolApp {
  /** Interfaces named in the class's `implements` clause. */
  implements: Iface[];
  /** Of those, the ones whose execute method is left out (listed, not written). */
  missing: Iface[];
  /** Interfaces whose check method is written. */
  checks: Iface[];
  /** Execute methods written without their interface in `implements` (never called). */
  stray: Iface[];
}

export type Action =
  | { action: 'createRoom'; name: string; type: 'c' | 'p'; creator: string; members: string[] }
  | { action: 'deleteRoom'; room: string; by: string }
  | { action: 'joinRoom'; room: string; user: string; inviter?: string }
  | { action: 'leaveRoom'; room: string; user: string; removedBy?: string };

/** Short action forms the generator draws; rooms are named per pipeline at run time. */
export type ActionSpec =
  | { kind: 'create'; type: 'c' | 'p' }
  | { kind: 'delete'; target: number }
  | { kind: 'join'; target: number; invited: boolean }
  | { kind: 'leave'; target: number; kicked: boolean };

export interface Pipeline {
  /** Indices into the batch's pool, in listener (enable) order. */
  apps: number[];
  /** Per used pool app (same order as `apps`): method name -> behaviour. */
  plans: Record<string, string>[];
  actions: ActionSpec[];
}

export interface Batch {
  pool: PoolApp[];
  pipelines: Pipeline[];
}

export const USERS = [
  { id: 'u-alice', username: 'alice', name: 'Alice', roles: ['user'] },
  { id: 'u-bob', username: 'bob', name: 'Bob', roles: ['user'] },
  { id: 'u-carol', username: 'carol', name: 'Carol', roles: ['user'] },
];

export interface SeedRoom {
  id: string;
  slugifiedName: string;
  type: 'c' | 'p';
  creator: string;
  members: string[];
}

/** The rooms every pipeline starts with: a channel and a private group owned by alice, bob in both. */
export function seedRooms(key: string): SeedRoom[] {
  return [
    { id: `${key}-r1`, slugifiedName: `${key}-general`, type: 'c', creator: 'alice', members: ['alice', 'bob'] },
    { id: `${key}-r2`, slugifiedName: `${key}-team`, type: 'p', creator: 'alice', members: ['alice', 'bob'] },
  ];
}

/** The concrete actions of a pipeline: room names carry the pipeline's key. */
export function concreteActions(key: string, specs: ActionSpec[]): Action[] {
  const rooms = seedRooms(key).map((r) => r.slugifiedName);
  const out: Action[] = [];
  specs.forEach((s, i) => {
    const pick = (target: number) => rooms[target % rooms.length]!;
    switch (s.kind) {
      case 'create': {
        const name = `${key}-new${i}`;
        rooms.push(name);
        out.push({ action: 'createRoom', name, type: s.type, creator: 'alice', members: ['bob'] });
        break;
      }
      case 'delete':
        out.push({ action: 'deleteRoom', room: pick(s.target), by: 'alice' });
        break;
      case 'join':
        out.push({ action: 'joinRoom', room: pick(s.target), user: 'carol', ...(s.invited ? { inviter: 'alice' } : {}) });
        break;
      case 'leave':
        out.push({ action: 'leaveRoom', room: pick(s.target), user: 'bob', ...(s.kicked ? { removedBy: 'alice' } : {}) });
        break;
    }
  });
  return out;
}

const BEHAVIOUR_CODE = `
function keyOf(arg: any): string {
  const room = arg && typeof arg === 'object' && arg.room && typeof arg.room === 'object' ? arg.room : arg;
  const name = room && typeof room.slugifiedName === 'string' ? room.slugifiedName : '';
  return name.split('-')[0];
}

async function act(method: string, args: any[]): Promise<any> {
  const arg = args[0];
  const behaviour = (PLAN[keyOf(arg)] || {})[method] || 'nothing';
  switch (behaviour) {
    case 'true': return true;
    case 'false': return false;
    case 'object': return { verdict: 'an object', from: method };
    case 'nothing': return undefined;
    case 'room': return arg;
    case 'changed-room': {
      arg.displayName = 'Changed by ' + method;
      arg.customFields = Object.assign({}, arg.customFields || {}, { [method]: true });
      arg.description = 'set by ' + method;
      arg.isReadOnly = true;
      return arg;
    }
    case 'accessor': {
      const helper = args[1];
      if (helper && typeof helper.addCustomField === 'function' && typeof helper.setDisplayName !== 'function') {
        helper.addCustomField('ext' + method.length, method);
        return helper.getRoom();
      }
      if (helper && typeof helper.setDisplayName === 'function') {
        helper.setDisplayName('Built by ' + method);
        helper.addCustomField('mod', method);
        return helper.getRoom();
      }
      return arg;
    }
    case 'mutate': {
      if (arg && arg.room) { arg.room.displayName = 'mutated'; arg.room.isReadOnly = true; }
      else if (arg) { arg.displayName = 'mutated'; arg.isReadOnly = true; arg.customFields = { mutated: true }; }
      return undefined;
    }
    case 'error': throw new Error('boom in ' + method);
    case 'ae': throw new AppsEngineException('apps-engine exception in ' + method);
    case 'ae-nomsg': throw new AppsEngineException();
    case 'una': throw new UserNotAllowedException('not allowed by ' + method);
    case 'una-nomsg': throw new UserNotAllowedException();
    case 'timeout': await new Promise(() => undefined); return undefined;
  }
  return undefined;
}
`;

/**
 * The app's main class file. `plans` maps a pipeline key (`p3`) to that pipeline's behaviours
 * for this app. `className` must match the file name (`Main.ts`) for the apps compiler.
 */
export function appSource(app: PoolApp, plans: Record<string, Record<string, string>>, className = 'Main'): string {
  const methods = new Set<string>();
  for (const i of app.implements) if (!app.missing.includes(i)) methods.add(executeOf(i));
  for (const i of app.stray) methods.add(executeOf(i));
  for (const i of app.checks) {
    const c = checkOf(i);
    if (c) methods.add(c);
  }
  const sorted = [...methods].sort();
  const imports = app.implements.length ? `import { ${app.implements.join(', ')} } from '@rocket.chat/apps-engine/definition/rooms';\n` : '';
  const clause = app.implements.length ? ` implements ${app.implements.join(', ')}` : '';
  return [
    `import { App } from '@rocket.chat/apps-engine/definition/App';`,
    `import { AppsEngineException, UserNotAllowedException } from '@rocket.chat/apps-engine/definition/exceptions';`,
    imports,
    `const PLAN: { [pipeline: string]: { [method: string]: string } } = ${JSON.stringify(plans, null, 1)};`,
    BEHAVIOUR_CODE,
    `export class ${className} extends App${clause} {`,
    ...sorted.map((m) => `  public async ${m}(...args: any[]): Promise<any> {\n    return act('${m}', args);\n  }`),
    `}`,
    ``,
  ].join('\n');
}

export function pipelineKey(index: number): string {
  return `p${index}`;
}

/** The pool apps a batch's pipelines use, with each app's plan table. */
export function batchSources(batch: Batch): { app: PoolApp; source: string }[] {
  return batch.pool.map((app, poolIndex) => {
    const plans: Record<string, Record<string, string>> = {};
    batch.pipelines.forEach((p, k) => {
      const at = p.apps.indexOf(poolIndex);
      if (at >= 0) plans[pipelineKey(k)] = p.plans[at] ?? {};
    });
    return { app, source: appSource(app, plans) };
  });
}

export const TIMEOUT_MS = 1000;

/** One pipeline as a hookscope scenario file (apps in listener order; the same source text). */
export function scenarioOf(batch: Batch, k: number, sources: string[] = batchSources(batch).map((s) => s.source)): Record<string, unknown> {
  const p = batch.pipelines[k]!;
  const key = pipelineKey(k);
  return {
    profile: 'current',
    timeoutMs: TIMEOUT_MS,
    apps: p.apps.map((poolIndex) => ({
      id: `app${poolIndex}`,
      name: `App ${poolIndex}`,
      nameSlug: `app${poolIndex}`,
      files: { 'Main.ts': sources[poolIndex]! },
      classFile: 'Main.ts',
      enabled: true,
    })),
    users: USERS,
    rooms: seedRooms(key),
    steps: concreteActions(key, p.actions),
  };
}

/** A pipeline on its own: a batch of one, pool reduced to its apps, renumbered. */
export function standalone(batch: Batch, k: number): Batch {
  const p = batch.pipelines[k]!;
  return { pool: p.apps.map((i) => batch.pool[i]!), pipelines: [{ ...p, apps: p.apps.map((_, j) => j) }] };
}
