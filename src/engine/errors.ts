/**
 * The host's errors, with Rocket.Chat's codes and messages (spec sections 4, 7; RC methods
 * createRoom, eraseRoom, joinRoom, addUsersToRoom, leaveRoom, removeUserFromRoom). The UI, the
 * runner and the tests all speak of errors by these codes.
 */

export interface HostError {
  /** Rocket.Chat's error code (`error-app-prevented`), or the class name of an unmapped error. */
  code: string;
  message: string;
  /** True when RC does not map the error: a client would see "Internal server error". */
  unmapped?: boolean;
}

export class HostFailure extends Error {
  /** `why`: the check that refused, in plain words (which permission, which roles hold it). */
  constructor(
    readonly error: HostError,
    readonly why?: string,
  ) {
    super(`${error.code}: ${error.message}`);
  }
}

export const HOST_ERRORS = {
  appPrevented: (message = 'A Rocket.Chat App prevented the room creation.'): HostError => ({ code: 'error-app-prevented', message }),
  appPreventedDeleting: (): HostError => ({ code: 'error-app-prevented-deleting', message: 'A Rocket.Chat App prevented the room erasing.' }),
  essentialAppDisabled: (): HostError => ({
    code: 'error-essential-app-disabled',
    message: 'There is one or more apps that are essential to this event but are disabled',
  }),
  invalidRoom: (): HostError => ({ code: 'error-invalid-room', message: 'Invalid room' }),
  invalidName: (name: string): HostError => ({ code: 'error-invalid-name', message: `Invalid name: ${JSON.stringify(name)}` }),
  duplicateName: (name: string): HostError => ({ code: 'error-duplicate-channel-name', message: `A channel with name '${name}' exists` }),
  invalidUser: (): HostError => ({ code: 'error-invalid-user', message: 'Invalid user' }),
  invalidMembers: (missing: string[]): HostError => ({ code: 'error-invalid-members', message: `Unknown members: ${missing.join(', ')}` }),
  invalidType: (type: string): HostError => ({ code: 'error-invalid-type', message: `Invalid room type: ${JSON.stringify(type)}` }),
  notAllowed: (): HostError => ({ code: 'error-not-allowed', message: 'Not allowed' }),
  cantInviteForDirectRoom: (): HostError => ({ code: 'error-cant-invite-for-direct-room', message: "Can't invite user to direct rooms" }),
  userNotFound: (): HostError => ({ code: 'error-user-not-found', message: 'User not found' }),
  /** addUsersToRoom: an invitee that does not exist. */
  invalidUsername: (): HostError => ({ code: 'error-invalid-username', message: 'Invalid username' }),
  /** removeUserFromRoom: the remover cannot access the room (and may not kick from any room of its type). */
  roomNotFound: (): HostError => ({ code: 'error-room-not-found', message: 'The required "roomId" or "roomName" param provided does not match any group' }),
  youAreNotInThisRoom: (): HostError => ({ code: 'error-user-not-in-room', message: 'You are not in this room' }),
  userIsNotInThisRoom: (): HostError => ({ code: 'error-user-not-in-room', message: 'User is not in this room' }),
  lastOwner: (): HostError => ({
    code: 'error-you-are-last-owner',
    message: 'You are the last owner. Please set new owner before leaving the room.',
  }),
  /** An error RC does not map (an AppsEngineException on delete, "method not found"...). */
  unmapped: (name: string, message: string): HostError => ({ code: name, message, unmapped: true }),
} as const;
