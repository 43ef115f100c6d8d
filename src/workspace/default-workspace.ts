/**
 * The workspace a first-time user gets: a "Banned words" Prevent app, a small world and a
 * create-room form already filled with a name the app prevents. Press Run and see it prevented.
 */
import { emptyWorld, DEFAULT_PROFILE, type WorldRoom, type WorldState, type WorldUser } from '../engine/index.ts';
import type { ActionDrafts, Workspace, WorkspaceApp } from './types.ts';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Short enough that a hung handler in a live demo is cut off quickly. */
export const DEMO_TIMEOUT_MS = 3_000;

const BANNED_APP = `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { findBannedWord } from './lib/banned';

export class BannedWordsApp extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom, read: IRead): Promise<boolean> {
        const word = findBannedWord(room.slugifiedName);
        if (word) {
            this.getLogger().warn('prevented', room.slugifiedName, 'because of', word);
        }
        // Returning true prevents the room: Rocket.Chat answers error-app-prevented.
        return word !== undefined;
    }
}
`;

const BANNED_LIB = `export const BANNED_WORDS = ['casino', 'spam', 'crypto'];

export function findBannedWord(name: string): string | undefined {
    return BANNED_WORDS.find((word) => name.toLowerCase().includes(word));
}
`;

export function appJson(meta: { id: string; name: string; version: string; classFile: string; essentials?: string[] }): string {
  const json: Record<string, unknown> = {
    id: meta.id,
    version: meta.version,
    requiredApiVersion: '^1.44.0',
    iconFile: 'icon.png',
    author: { name: 'hookscope', homepage: 'https://example.com', support: 'https://example.com' },
    name: meta.name,
    nameSlug: meta.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
    classFile: meta.classFile,
    description: '',
    implements: [],
  };
  if (meta.essentials && meta.essentials.length > 0) json['essentials'] = meta.essentials;
  return JSON.stringify(json, null, 2) + '\n';
}

export function bannedWordsApp(): WorkspaceApp {
  return {
    id: 'banned-words',
    name: 'Banned Words',
    version: '1.0.0',
    classFile: 'BannedWordsApp.ts',
    enabled: true,
    files: {
      'BannedWordsApp.ts': BANNED_APP,
      'lib/banned.ts': BANNED_LIB,
      'app.json': appJson({ id: 'banned-words', name: 'Banned Words', version: '1.0.0', classFile: 'BannedWordsApp.ts' }),
    },
  };
}

const EPOCH = new Date(Date.UTC(2026, 0, 1));

function user(id: string, username: string, name: string, roles: string[] = ['user']): WorldUser {
  return { id, username, name, roles, type: 'user', createdAt: EPOCH };
}

function room(id: string, name: string, type: 'c' | 'p', creatorId: string, memberIds: string[]): WorldRoom {
  return {
    id,
    slugifiedName: name,
    displayName: name,
    type,
    creatorId,
    memberIds,
    ownerIds: [creatorId],
    isDefault: false,
    isReadOnly: false,
    displaySystemMessages: true,
    messageCount: 0,
    createdAt: EPOCH,
    updatedAt: EPOCH,
  };
}

export function defaultWorld(): WorldState {
  const world = emptyWorld();
  world.users.push(
    user('u-alice', 'alice', 'Alice Admin', ['admin', 'user']),
    user('u-bob', 'bob', 'Bob'),
    user('u-carol', 'carol', 'Carol'),
    user('u-guest', 'gus', 'Gus Guest', ['guest']),
  );
  world.rooms.push(room('r-general', 'general', 'c', 'u-alice', ['u-alice', 'u-bob', 'u-carol']), room('r-team', 'team', 'p', 'u-alice', ['u-alice', 'u-bob']));
  world.rooms[0]!.isDefault = true;
  return world;
}

export function defaultDrafts(): ActionDrafts {
  return {
    createRoom: { action: 'createRoom', name: 'casino-night', type: 'c', creator: 'alice', members: ['bob'] },
    deleteRoom: { action: 'deleteRoom', room: 'team', by: 'alice' },
    joinRoom: { action: 'joinRoom', room: 'general', user: 'gus' },
    leaveRoom: { action: 'leaveRoom', room: 'general', user: 'carol' },
  };
}

export function defaultWorkspace(): Workspace {
  return {
    apps: [bannedWordsApp()],
    world: defaultWorld(),
    settings: { timeoutMs: DEFAULT_TIMEOUT_MS, profile: DEFAULT_PROFILE },
    drafts: defaultDrafts(),
  };
}
