/**
 * The ten room-event interfaces as data (spec section 1): which methods an app implements and
 * which arguments the runtime passes. The listener loops and the host flows read this table.
 */

export const ROOM_EVENTS = [
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
export type RoomEvent = (typeof ROOM_EVENTS)[number];

export function isRoomEvent(name: string): name is RoomEvent {
  return (ROOM_EVENTS as readonly string[]).includes(name);
}

/** How the host treats a loop's results (spec section 4). */
export type LoopKind =
  /** First truthy execute result stops the loop. */
  | 'prevent'
  /** Each app's return value replaces the room for the next app. */
  | 'chain'
  /** No result is read; only an AppsEngineException blocks. */
  | 'pre-membership'
  /** Results ignored; generic errors swallowed. */
  | 'post';

/** What one argument of a listener call is built from. */
export type ArgSource = 'room' | 'context' | 'extender' | 'builder' | 'read' | 'http' | 'persistence' | 'modify';

export interface EventSpec {
  event: RoomEvent;
  loop: LoopKind;
  /** The action this event belongs to. */
  action: 'create' | 'delete' | 'join' | 'leave';
  check?: string;
  execute: string;
  /** Arguments of the check method, in order (current runtime). */
  checkArgs: ArgSource[];
  /** Arguments of the execute method, in order (current runtime, spec section 1). */
  executeArgs: ArgSource[];
  /** Pre events get the room wrapped in the runtime's Room class (spec section 3). */
  wrapsRoom: boolean;
}

const CHECK_ARGS: ArgSource[] = ['room', 'read', 'http'];

export const EVENT_SPECS: Record<RoomEvent, EventSpec> = {
  IPreRoomCreatePrevent: {
    event: 'IPreRoomCreatePrevent',
    loop: 'prevent',
    action: 'create',
    check: 'checkPreRoomCreatePrevent',
    execute: 'executePreRoomCreatePrevent',
    checkArgs: CHECK_ARGS,
    executeArgs: ['room', 'read', 'http', 'persistence', 'modify'],
    wrapsRoom: true,
  },
  IPreRoomCreateExtend: {
    event: 'IPreRoomCreateExtend',
    loop: 'chain',
    action: 'create',
    check: 'checkPreRoomCreateExtend',
    execute: 'executePreRoomCreateExtend',
    checkArgs: CHECK_ARGS,
    executeArgs: ['room', 'extender', 'read', 'http', 'persistence'],
    wrapsRoom: true,
  },
  IPreRoomCreateModify: {
    event: 'IPreRoomCreateModify',
    loop: 'chain',
    action: 'create',
    check: 'checkPreRoomCreateModify',
    execute: 'executePreRoomCreateModify',
    checkArgs: CHECK_ARGS,
    executeArgs: ['room', 'builder', 'read', 'http', 'persistence'],
    wrapsRoom: true,
  },
  IPostRoomCreate: {
    event: 'IPostRoomCreate',
    loop: 'post',
    action: 'create',
    check: 'checkPostRoomCreate',
    execute: 'executePostRoomCreate',
    checkArgs: CHECK_ARGS,
    executeArgs: ['room', 'read', 'http', 'persistence', 'modify'],
    wrapsRoom: false,
  },
  IPreRoomDeletePrevent: {
    event: 'IPreRoomDeletePrevent',
    loop: 'prevent',
    action: 'delete',
    check: 'checkPreRoomDeletePrevent',
    execute: 'executePreRoomDeletePrevent',
    checkArgs: CHECK_ARGS,
    executeArgs: ['room', 'read', 'http', 'persistence', 'modify'],
    wrapsRoom: true,
  },
  IPostRoomDeleted: {
    event: 'IPostRoomDeleted',
    loop: 'post',
    action: 'delete',
    check: 'checkPostRoomDeleted',
    execute: 'executePostRoomDeleted',
    checkArgs: CHECK_ARGS,
    executeArgs: ['room', 'read', 'http', 'persistence', 'modify'],
    wrapsRoom: false,
  },
  IPreRoomUserJoined: {
    event: 'IPreRoomUserJoined',
    loop: 'pre-membership',
    action: 'join',
    execute: 'executePreRoomUserJoined',
    checkArgs: [],
    executeArgs: ['context', 'read', 'http', 'persistence', 'modify'],
    wrapsRoom: true,
  },
  IPostRoomUserJoined: {
    event: 'IPostRoomUserJoined',
    loop: 'post',
    action: 'join',
    execute: 'executePostRoomUserJoined',
    checkArgs: [],
    executeArgs: ['context', 'read', 'http', 'persistence', 'modify'],
    wrapsRoom: true,
  },
  IPreRoomUserLeave: {
    event: 'IPreRoomUserLeave',
    loop: 'pre-membership',
    action: 'leave',
    execute: 'executePreRoomUserLeave',
    checkArgs: [],
    executeArgs: ['context', 'read', 'http', 'persistence', 'modify'],
    wrapsRoom: true,
  },
  IPostRoomUserLeave: {
    event: 'IPostRoomUserLeave',
    loop: 'post',
    action: 'leave',
    execute: 'executePostRoomUserLeave',
    checkArgs: [],
    executeArgs: ['context', 'read', 'http', 'persistence', 'modify'],
    wrapsRoom: true,
  },
};

/** The event a method name belongs to, e.g. `executePreRoomCreatePrevent` → IPreRoomCreatePrevent. */
export function eventOfMethod(method: string): RoomEvent | undefined {
  return ROOM_EVENTS.find((e) => EVENT_SPECS[e].execute === method || EVENT_SPECS[e].check === method);
}
