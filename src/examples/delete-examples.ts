/** Delete examples (spec §4 Prevent delete, Post deleted; §7 eraseRoom). */
import { exampleWorld, ROOMS_IMPORT, source, type Example } from './types.ts';

export const archiveBeforeDelete: Example = {
  id: 'archive-before-delete',
  title: 'Archive before delete (reads persistence)',
  explanation: 'A delete Prevent app reads its persistence: a room with no archive record cannot be deleted (error-app-prevented-deleting); an archived one can.',
  interfaces: ['IPreRoomDeletePrevent'],
  scenario: {
    description: 'Archive Guard prevents deleting a room unless its persistence holds an archive record associated with the room.',
    timeoutMs: 5000,
    apps: [
      {
        id: 'archive-guard',
        name: 'Archive Guard',
        source: source([ROOMS_IMPORT('IPreRoomDeletePrevent', 'IRoom'), "import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';"], `
export class ArchiveGuardApp extends App implements IPreRoomDeletePrevent {
    public async executePreRoomDeletePrevent(room: IRoom, read: IRead): Promise<boolean> {
        const assoc = new RocketChatAssociationRecord(RocketChatAssociationModel.ROOM, room.id);
        const archives = await read.getPersistenceReader().readByAssociation(assoc);
        if (archives.length === 0) {
            this.getLogger().warn('#' + room.slugifiedName + ' was never archived: deletion refused');
        }
        return archives.length === 0;
    }
}`),
      },
    ],
    ...exampleWorld([{ id: 'r-old', slugifiedName: 'old-project', type: 'c', creator: 'alice', members: ['bob'] }]),
    persistence: {
      'archive-guard': [{ id: 'archive-1', data: { archivedBy: 'alice', messages: 120 }, associations: [{ model: 'room', id: 'r-old' }] }],
    },
    steps: [
      { action: 'deleteRoom', room: 'team', by: 'alice', expect: { outcome: 'prevented', errorCode: 'error-app-prevented-deleting' } },
      { action: 'deleteRoom', room: 'old-project', by: 'alice', expect: { outcome: 'completed', errorCode: null } },
    ],
  },
};

export const postDeleted: Example = {
  id: 'post-deleted-audit',
  title: 'Post deleted: an audit message',
  explanation: 'After a room is deleted, Post deleted gets the room as it was (a plain object: room.usernames is undefined) and posts a note to #general, unawaited.',
  interfaces: ['IPostRoomDeleted'],
  scenario: {
    description: 'Auditor posts "#team was deleted" in #general after the deletion, and logs that room.usernames is undefined there.',
    timeoutMs: 5000,
    apps: [
      {
        id: 'auditor',
        name: 'Auditor',
        source: source([ROOMS_IMPORT('IPostRoomDeleted', 'IRoom')], `
export class AuditorApp extends App implements IPostRoomDeleted {
    public async executePostRoomDeleted(room: IRoom, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
        this.getLogger().info('room.usernames in Post deleted:', String(room.usernames));
        const general = await read.getRoomReader().getByName('general');
        if (!general) return;
        const text = '#' + room.slugifiedName + ' was deleted.';
        await modify.getCreator().finish(modify.getCreator().startMessage().setRoom(general).setText(text));
    }
}`),
      },
    ],
    ...exampleWorld(),
    steps: [{ action: 'deleteRoom', room: 'team', by: 'alice', expect: { outcome: 'completed', errorCode: null } }],
  },
};
