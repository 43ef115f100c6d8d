/** Short human labels for events and handler states. */
import type { RoomEvent } from '../engine/events.ts';
import type { HandlerState } from './types.ts';

export const PHASE_LABEL: Record<RoomEvent, string> = {
  IPreRoomCreatePrevent: 'Prevent',
  IPreRoomCreateExtend: 'Extend',
  IPreRoomCreateModify: 'Modify',
  IPostRoomCreate: 'Post create',
  IPreRoomDeletePrevent: 'Prevent delete',
  IPostRoomDeleted: 'Post deleted',
  IPreRoomUserJoined: 'Pre join',
  IPostRoomUserJoined: 'Post join',
  IPreRoomUserLeave: 'Pre leave',
  IPostRoomUserLeave: 'Post leave',
};

export const STATE_LABEL: Record<HandlerState, string> = {
  pending: 'pending',
  paused: 'next: waiting',
  running: 'running…',
  returned: 'returned',
  prevented: 'prevented here',
  'skipped-check': 'skipped by its check',
  threw: 'threw (swallowed)',
  'threw-stopped': 'threw AppsEngineException',
  'not-found': 'method not found',
  'timed-out': 'timed out',
  stopped: 'stopped',
  crashed: 'runtime failed',
  'not-reached': 'not reached',
  'chain-broken': 'chain broken',
  'not-run': 'not run',
  'not-implemented': 'not in implements',
  disabled: 'disabled',
};
