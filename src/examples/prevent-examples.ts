/** Prevent examples (spec §4 Prevent, §5 timeouts): banned words, order, a handler that never returns. */
import { exampleWorld, ROOMS_IMPORT, source, type Example } from './types.ts';

const PREVENT = ROOMS_IMPORT('IPreRoomCreatePrevent', 'IRoom');

export const bannedWords: Example = {
  id: 'banned-words',
  title: 'Banned words',
  explanation: 'A Prevent app refuses rooms whose name contains a banned word: returning true stops the creation with error-app-prevented.',
  interfaces: ['IPreRoomCreatePrevent'],
  scenario: {
    description: 'A banned-words Prevent app: #casino-night is prevented, #book-club is created.',
    timeoutMs: 5000,
    apps: [
      {
        id: 'banned-words',
        name: 'Banned Words',
        source: source([PREVENT], `
export class BannedWordsApp extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        const word = ['casino', 'spam', 'crypto'].find((w) => room.slugifiedName.includes(w));
        if (word) this.getLogger().warn('prevented', room.slugifiedName, 'because of', word);
        return word !== undefined;
    }
}`),
      },
    ],
    ...exampleWorld(),
    steps: [
      { action: 'createRoom', name: 'casino-night', type: 'c', creator: 'alice', members: ['bob'], expect: { outcome: 'prevented', errorCode: 'error-app-prevented' } },
      { action: 'createRoom', name: 'book-club', type: 'c', creator: 'alice', members: ['bob'], expect: { outcome: 'completed', errorCode: null } },
    ],
  },
};

export const preventOrder: Example = {
  id: 'prevent-order',
  title: 'Two Prevent apps: order decides',
  explanation: 'The first Prevent app that says no wins and the next is never called, so its friendlier message is never seen: reorder the apps and the answer changes.',
  interfaces: ['IPreRoomCreatePrevent'],
  answerIncludes: { 0: 'A Rocket.Chat App prevented the room creation.' },
  scenario: {
    description: 'Blunt No prevents with a bare true before Polite No (which throws with a helpful message) is reached.',
    timeoutMs: 5000,
    apps: [
      {
        id: 'blunt-no',
        name: 'Blunt No',
        source: source([PREVENT], `
export class BluntNoApp extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        return room.slugifiedName.startsWith('tmp-');
    }
}`),
      },
      {
        id: 'polite-no',
        name: 'Polite No',
        source: source([PREVENT, "import { AppsEngineException } from '@rocket.chat/apps-engine/definition/exceptions';"], `
export class PoliteNoApp extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        if (room.slugifiedName.startsWith('tmp-')) {
            // An AppsEngineException reaches the user with its own message.
            throw new AppsEngineException('Temporary rooms are not allowed: pick a name without "tmp-"');
        }
        return false;
    }
}`),
      },
    ],
    ...exampleWorld(),
    steps: [{ action: 'createRoom', name: 'tmp-scratch', type: 'c', creator: 'alice', expect: { outcome: 'prevented', errorCode: 'error-app-prevented' } }],
  },
};

export const loopsForever: Example = {
  id: 'loops-forever',
  title: 'A handler that loops forever',
  explanation: 'A Prevent handler that never returns times out (here after 1 s instead of 30 s); the host swallows the timeout as "not prevented" and creates the room.',
  interfaces: ['IPreRoomCreatePrevent'],
  scenario: {
    description: 'A Prevent handler with an endless loop: the call times out, counts as undefined, and the room is created.',
    timeoutMs: 1000,
    apps: [
      {
        id: 'looper',
        name: 'Looper',
        source: source([PREVENT], `
export class LooperApp extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        let n = 0;
        while (room.slugifiedName !== '') {
            n++; // never ends: the host stops waiting after the timeout
        }
        return n > 0;
    }
}`),
      },
    ],
    ...exampleWorld(),
    steps: [{ action: 'createRoom', name: 'endless', type: 'c', creator: 'alice', expect: { outcome: 'completed', errorCode: null } }],
  },
};
