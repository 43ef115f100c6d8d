/**
 * What is wrong with an action before it runs, in words (pure): an empty room name, a room or
 * user that is not in the world, a direct message as a Join target. The forms disable Run and
 * show the reason, as the custom-fields box does; Ctrl/Cmd+Enter does not run such a draft.
 */
import type { ActionInput, WorldRoom, WorldState } from '../../engine/index.ts';

/** A room as a person names it: `#general`, or a direct message by its members (`@alice & @bob`). */
export function roomLabel(room: Pick<WorldRoom, 'type' | 'slugifiedName' | 'memberIds' | 'id'>, world: Pick<WorldState, 'users'>): string {
  if (room.type === 'd' || !room.slugifiedName) {
    const names = room.memberIds.map((id) => `@${world.users.find((u) => u.id === id)?.username ?? id}`);
    return names.length ? `${names.join(' & ')} (direct message)` : `direct message ${room.id}`;
  }
  return `#${room.slugifiedName}`;
}

/** How a form refers to a room: its name, or its id when it has none (a direct message). */
export function roomRef(room: Pick<WorldRoom, 'slugifiedName' | 'id'>): string {
  return room.slugifiedName || room.id;
}

function findRoom(world: Pick<WorldState, 'rooms'>, ref: string): WorldRoom | undefined {
  return world.rooms.find((r) => r.id === ref) ?? world.rooms.find((r) => r.slugifiedName !== '' && r.slugifiedName === ref);
}

export function actionProblem(action: ActionInput, world: Pick<WorldState, 'rooms' | 'users'>): string | null {
  switch (action.action) {
    case 'createRoom':
      if (action.type !== 'd' && !(action.name ?? '').trim()) return 'A room needs a name.';
      return null;
    case 'deleteRoom':
    case 'leaveRoom':
    case 'joinRoom': {
      if (!action.room) return 'Pick a room.';
      const room = findRoom(world, action.room);
      if (action.action === 'joinRoom' && room?.type === 'd')
        return `Nobody joins a direct message (${roomLabel(room, world)}): pick a channel or a private group.`;
      if ((action.action === 'joinRoom' || action.action === 'leaveRoom') && !action.user) return 'Pick a user.';
      return null;
    }
  }
}
