/** The room actions a user (or a scenario step) can trigger, as data. */

export interface CreateRoomInput {
  action: 'createRoom';
  /** Room name (slugified name). Ignored for direct messages. */
  name: string;
  type: 'c' | 'p' | 'd';
  /** Username of the creator (the owner). */
  creator: string;
  /** Usernames of the other members. */
  members?: string[];
  readOnly?: boolean;
  displayName?: string;
  customFields?: Record<string, unknown>;
  description?: string;
}

export interface DeleteRoomInput {
  action: 'deleteRoom';
  /** Room id or name. */
  room: string;
  /** Username of who deletes it (needs `delete-c` / `delete-p` / `delete-d`: admin, or the room's owner); omitted = the room's creator. */
  by?: string;
}

export interface JoinRoomInput {
  action: 'joinRoom';
  room: string;
  user: string;
  /** Username of who adds the user (the invite path, `addUsersToRoom`). */
  inviter?: string;
}

export interface LeaveRoomInput {
  action: 'leaveRoom';
  room: string;
  user: string;
  /** Username of who removes the user (the kick path, `removeUserFromRoom`). */
  removedBy?: string;
}

export type ActionInput = CreateRoomInput | DeleteRoomInput | JoinRoomInput | LeaveRoomInput;
export type ActionName = ActionInput['action'];

export function describeAction(input: ActionInput): string {
  switch (input.action) {
    case 'createRoom':
      return input.type === 'd'
        ? `${input.creator} opens a direct message with ${(input.members ?? []).join(', ') || 'nobody'}`
        : `${input.creator} creates ${input.type === 'p' ? 'private group' : 'channel'} #${input.name}`;
    case 'deleteRoom':
      return `${input.by ?? 'someone'} deletes room ${input.room}`;
    case 'joinRoom':
      return input.inviter ? `${input.inviter} adds ${input.user} to ${input.room}` : `${input.user} joins ${input.room}`;
    case 'leaveRoom':
      return input.removedBy ? `${input.removedBy} removes ${input.user} from ${input.room}` : `${input.user} leaves ${input.room}`;
  }
}
