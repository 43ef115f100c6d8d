/** The data an event hands to its listeners, and how it becomes call arguments (ArgSpec). */
import type { AppRoom, ArgSpec } from '../../protocol/runtime-protocol.ts';
import { encodeWire } from '../../protocol/wire.ts';
import type { ArgSource, EventSpec } from '../events.ts';
import type { Profile } from '../profiles.ts';

/** A truthy non-room value an Extend/Modify handed on in the chain. */
export type ChainValue = string | number | boolean | bigint | unknown[];

/**
 * The room the host hands to the create pipeline: the app-shaped room (world/convert.ts
 * toAppRoom) plus `_USERNAMES`, the members the runtime's Room answers `usernames` with.
 */
export type PipelineRoom = AppRoom & { _USERNAMES?: string[] };

/**
 * An object an Extend/Modify returned (or the legacy chain mutated in place): room-shaped as far
 * as the host can tell, its fields unchecked until the merge (host/create-room.ts) reads them.
 */
export type ReturnedRoom = Record<string, unknown>;

export type EventPayload =
  | {
      kind: 'room';
      /**
       * The app-shaped room, or null once an Extend/Modify chain is broken. In the chain it is
       * whatever the previous app returned, as the host hands it on (AppListenerManager
       * `room = await app.call(...)`): a truthy non-object (`true`, a number, a string) crosses
       * as itself, and the runtime builds its Room / RoomBuilder over it as the real one does.
       */
      room: PipelineRoom | ReturnedRoom | ChainValue | null;
      usernames: string[];
      /**
       * What an extender/builder argument wraps when it is not `room` (legacy in-place chain: the
       * room argument is the frozen original, the extender/builder wraps the host's object).
       */
      wraps?: ReturnedRoom | null;
    }
  | { kind: 'context'; context: Record<string, unknown>; usernames: string[] };

function firstArg(spec: EventSpec, payload: EventPayload, source: ArgSource): ArgSpec {
  if (payload.kind === 'context') {
    return { kind: 'context', context: encodeWire(payload.context), usernames: payload.usernames };
  }
  const room = encodeWire(payload.room);
  const wrapped = payload.wraps === undefined ? room : encodeWire(payload.wraps);
  if (source === 'extender') return { kind: 'extender', room: wrapped };
  if (source === 'builder') return { kind: 'builder', room: wrapped };
  return spec.wrapsRoom ? { kind: 'room', room, wrap: true, usernames: payload.usernames } : { kind: 'room', room, wrap: false, usernames: [] };
}

export function buildArgs(spec: EventSpec, role: 'check' | 'execute', payload: EventPayload, profile: Profile): ArgSpec[] {
  const sources = role === 'check' ? spec.checkArgs : (profile.argOverrides[spec.event] ?? spec.executeArgs);
  return sources.map((source): ArgSpec => {
    switch (source) {
      case 'room':
      case 'context':
      case 'extender':
      case 'builder':
        return firstArg(spec, payload, source);
      case 'read':
      case 'http':
      case 'persistence':
      case 'modify':
        return { kind: 'accessor', name: source };
    }
  });
}
