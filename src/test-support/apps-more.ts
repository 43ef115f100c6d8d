/**
 * More real Apps-Engine app classes for the spec tests (src/engine/spec-*.integration.test.ts).
 * Each fixture is the TypeScript source a developer would write. Apps report what they saw with
 * `this.getLogger().info(...)`; tests read those lines with {@link logLines}.
 */
import type { AppDefinition } from '../engine/apps/app-manifest.ts';
import type { TraceEvent } from '../engine/trace.ts';
import { ROOM_EVENTS } from '../engine/events.ts';
import { app } from './apps.ts';

const EXCEPTIONS = `import { AppsEngineException, UserNotAllowedException } from '@rocket.chat/apps-engine/definition/exceptions';
import { IRoomBuilder, IRoomExtender } from '@rocket.chat/apps-engine/definition/accessors';
import { RoomType } from '@rocket.chat/apps-engine/definition/rooms';
`;

export interface ClassOptions {
  /** Extra import lines. */
  imports?: string;
  files?: Record<string, string>;
  enabled?: boolean;
  essentials?: string[];
}

/**
 * `export class <name> extends App implements <interfaces> { <members> }`, with the usual imports
 * (apps-engine accessors, rooms, exceptions, RoomType).
 */
export function appClass(id: string, name: string, interfaces: string[], members: string, opts: ClassOptions = {}): AppDefinition {
  const clause = interfaces.length ? ` implements ${interfaces.join(', ')}` : '';
  const body = `${EXCEPTIONS}${opts.imports ?? ''}
export class ${name} extends App${clause} {
${members}
}
`;
  const extra: Partial<AppDefinition> = {};
  if (opts.files) extra.files = opts.files;
  if (opts.enabled !== undefined) extra.enabled = opts.enabled;
  if (opts.essentials) extra.essentials = opts.essentials;
  return app(id, name, body, extra);
}

/** A Prevent (create) app whose execute logs `tag` and returns `value` (source text). */
export const preventLogging = (id: string, name: string, value = 'false') =>
  appClass(
    id,
    name,
    ['IPreRoomCreatePrevent'],
    `  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    this.getLogger().info('${id} saw ' + room.slugifiedName);
    return ${value};
  }`,
  );

/** An app that only logs on Pre and Post join and leave (to see whether they fire, and their context). */
export const membershipSpy = (id = 'spy') =>
  appClass(
    id,
    'MembershipSpy',
    ['IPreRoomUserJoined', 'IPostRoomUserJoined', 'IPreRoomUserLeave', 'IPostRoomUserLeave'],
    `  private describe(kind: string, ctx: any): string {
    const user = ctx.joiningUser ?? ctx.leavingUser;
    const by = kind.includes('join') ? ctx.inviter : ctx.removedBy;
    return kind + ' ' + user.username + ' ' + ctx.room.slugifiedName + ' by=' + (by === undefined ? 'undefined' : by.username);
  }
  async executePreRoomUserJoined(ctx: IRoomUserJoinedContext): Promise<void> {
    this.getLogger().info(this.describe('pre-join', ctx));
  }
  async executePostRoomUserJoined(ctx: IRoomUserJoinedContext): Promise<void> {
    this.getLogger().info(this.describe('post-join', ctx));
  }
  async executePreRoomUserLeave(ctx: IRoomUserLeaveContext): Promise<void> {
    this.getLogger().info(this.describe('pre-leave', ctx));
  }
  async executePostRoomUserLeave(ctx: IRoomUserLeaveContext): Promise<void> {
    this.getLogger().info(this.describe('post-leave', ctx));
  }`,
  );

/** An app that logs every create/delete event it gets (room name), returning "no" everywhere. */
export const roomSpy = (id = 'rooms') =>
  appClass(
    id,
    'RoomSpy',
    ['IPreRoomCreatePrevent', 'IPostRoomCreate', 'IPreRoomDeletePrevent', 'IPostRoomDeleted'],
    `  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    this.getLogger().info('pre-create ' + room.slugifiedName);
    return false;
  }
  async executePostRoomCreate(room: IRoom): Promise<void> {
    this.getLogger().info('post-create ' + room.slugifiedName);
  }
  async executePreRoomDeletePrevent(room: IRoom): Promise<boolean> {
    this.getLogger().info('pre-delete ' + room.slugifiedName);
    return false;
  }
  async executePostRoomDeleted(room: IRoom): Promise<void> {
    this.getLogger().info('post-deleted ' + room.slugifiedName);
  }`,
  );

/** An app listening to every one of the ten events, doing nothing (to show that no event fires). */
export const listensToAll = (id = 'all') =>
  appClass(
    id,
    'ListensToAll',
    [...ROOM_EVENTS],
    `  async executePreRoomCreatePrevent(): Promise<boolean> { return false; }
  async executePreRoomCreateExtend(room: IRoom): Promise<IRoom> { return room; }
  async executePreRoomCreateModify(room: IRoom): Promise<IRoom> { return room; }
  async executePostRoomCreate(): Promise<void> {}
  async executePreRoomDeletePrevent(): Promise<boolean> { return false; }
  async executePostRoomDeleted(): Promise<void> {}
  async executePreRoomUserJoined(): Promise<void> {}
  async executePostRoomUserJoined(): Promise<void> {}
  async executePreRoomUserLeave(): Promise<void> {}
  async executePostRoomUserLeave(): Promise<void> {}`,
  );

/** The text of every log line of a run (or of all runs), each line's arguments joined by spaces. */
export function logLines(events: readonly TraceEvent[], runId?: string): string[] {
  return events
    .filter((e): e is Extract<TraceEvent, { type: 'log' }> => e.type === 'log' && (runId === undefined || e.runId === runId))
    .map((e) => e.args.map((a) => ('v' in a ? String(a.v) : a.t)).join(' '));
}

/** Log lines of one app, in one run or in every run (not the logs of loading the app). */
export function appLogLines(events: readonly TraceEvent[], appId: string, runId?: string): string[] {
  return logLines(
    events.filter((e) => e.type === 'log' && e.appId === appId && !e.runId.startsWith('detached:')),
    runId,
  );
}

/** The call-end events of a run. */
export function callEnds(events: readonly TraceEvent[], runId: string): Extract<TraceEvent, { type: 'call-end' }>[] {
  return events.filter((e): e is Extract<TraceEvent, { type: 'call-end' }> => e.type === 'call-end' && e.runId === runId);
}

/** Runs started by apps (nested runs), as `[appId, action, outcome]`. */
export function appRuns(events: readonly TraceEvent[]): { runId: string; appId: string; action: string }[] {
  return events.flatMap((e) => (e.type === 'run-start' && e.origin.kind === 'app' ? [{ runId: e.runId, appId: e.origin.appId, action: e.action.action }] : []));
}

/** The `merge` event of a run (what the host applied after Extend/Modify). */
export function mergeOf(events: readonly TraceEvent[], runId: string) {
  const merge = events.find((e): e is Extract<TraceEvent, { type: 'merge' }> => e.type === 'merge' && e.runId === runId);
  if (!merge) throw new Error('no merge event');
  return merge;
}
