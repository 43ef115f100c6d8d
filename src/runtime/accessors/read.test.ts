import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata/RocketChatAssociations.js';
import { describe, expect, it } from 'vitest';
import type { AppDescriptor } from '../../protocol/runtime-protocol.ts';
import { fakeRequest } from './fake-request.ts';
import { createAccessors } from './index.ts';
import { unsupportedMessage } from './unsupported.ts';

const app = (): AppDescriptor => ({
  id: 'abc-123',
  name: 'App',
  nameSlug: 'app',
  version: '1.0.0',
  description: '',
  requiredApiVersion: '^1.0.0',
  author: { name: 'me', support: 'x' },
  classFile: 'main.ts',
});

describe('IRead', () => {
  it('sends the exact op and arguments for every supported reader method', async () => {
    const f = fakeRequest();
    const { read } = createAccessors(f.request, app());
    const env = read.getEnvironmentReader();
    await env.getSettings().getById('s1');
    await env.getSettings().getValueById('s2');
    await env.getServerSettings().getOneById('Site_Url');
    await env.getServerSettings().getValueById('Site_Name');
    const users = read.getUserReader();
    await users.getById('u1');
    await users.getByUsername('alice');
    await users.getAppUser();
    await users.getAppUser('other-app');
    const rooms = read.getRoomReader();
    await rooms.getById('r1');
    await rooms.getByName('general');
    await rooms.getCreatorUserById('r1');
    await rooms.getCreatorUserByName('general');
    await rooms.getMembers('r1');
    await rooms.getDirectByUsernames(['alice', 'bot']);
    await rooms.getOwners('r1');
    await rooms.getMessages('r1');
    await rooms.getMessages('r1', { limit: 5 });
    await read.getMessageReader().getById('m1');
    const pr = read.getPersistenceReader();
    await pr.read('p1');
    await pr.readByAssociation(new RocketChatAssociationRecord(RocketChatAssociationModel.ROOM, 'r1'));
    await pr.readByAssociations([new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, 'welcome'), { model: 'user', id: 'u1' } as never]);
    expect(f.calls).toEqual([
      ['settings.getById', ['s1']],
      ['settings.getValueById', ['s2']],
      ['serverSettings.getOneById', ['Site_Url']],
      ['serverSettings.getValueById', ['Site_Name']],
      ['user.getById', ['u1']],
      ['user.getByUsername', ['alice']],
      ['user.getAppUser', [null]],
      ['user.getAppUser', ['other-app']],
      ['room.getById', ['r1']],
      ['room.getByName', ['general']],
      ['room.getCreatorUserById', ['r1']],
      ['room.getCreatorUserByName', ['general']],
      ['room.getMembers', ['r1']],
      ['room.getDirectByUsernames', [['alice', 'bot']]],
      ['room.getOwners', ['r1']],
      ['room.getMessages', ['r1', {}]],
      ['room.getMessages', ['r1', { limit: 5 }]],
      ['message.getById', ['m1']],
      ['persistence.read', ['p1']],
      ['persistence.readByAssociations', [[{ model: 'room', id: 'r1' }]]],
      [
        'persistence.readByAssociations',
        [
          [
            { model: 'misc', id: 'welcome' },
            { model: 'user', id: 'u1' },
          ],
        ],
      ],
    ]);
  });

  it('returns what the host answers; null becomes undefined for optional lookups', async () => {
    const f = fakeRequest();
    f.answer('room.getById', (id: string) => (id === 'r1' ? { id: 'r1', slugifiedName: 'general' } : null));
    f.answer('user.getAppUser', { id: 'bot', username: 'app.bot' });
    f.answer('message.getById', { id: 'm1', sender: { id: 'u9' }, room: { id: 'r1' } });
    f.answer('settings.getValueById', 'hello');
    const { read } = createAccessors(f.request, app());
    expect(await read.getRoomReader().getById('r1')).toEqual({ id: 'r1', slugifiedName: 'general' });
    expect(await read.getRoomReader().getById('nope')).toBeUndefined();
    expect(await read.getUserReader().getAppUser()).toEqual({ id: 'bot', username: 'app.bot' });
    expect(await read.getMessageReader().getSenderUser('m1')).toEqual({ id: 'u9' });
    expect(await read.getMessageReader().getRoom('m1')).toEqual({ id: 'r1' });
    expect(await read.getEnvironmentReader().getSettings().getValueById('x')).toBe('hello');
  });

  it('host errors reach the app as rejections', async () => {
    const f = fakeRequest();
    f.answer('settings.getById', new Error('Setting "x" not found.'));
    const { read } = createAccessors(f.request, app());
    await expect(read.getEnvironmentReader().getSettings().getById('x')).rejects.toThrow('Setting "x" not found.');
  });

  it('unsupported readers and methods name what was called', async () => {
    const f = fakeRequest();
    const { read } = createAccessors(f.request, app());
    await expect(read.getLivechatReader().getLivechatOpenRoomsByAgentId('x')).rejects.toThrow(
      unsupportedMessage('IRead.getLivechatReader().getLivechatOpenRoomsByAgentId()'),
    );
    await expect(read.getRoomReader().getModerators('r1')).rejects.toThrow(unsupportedMessage('IRead.getRoomReader().getModerators()'));
    await expect(read.getUserReader().getUserUnreadMessageCount('u')).rejects.toThrow('IRead.getUserReader().getUserUnreadMessageCount()');
    await expect(read.getEnvironmentReader().getServerSettings().getAll()).rejects.toThrow('IRead.getEnvironmentReader().getServerSettings().getAll()');
    for (const name of [
      'getThreadReader',
      'getUploadReader',
      'getCloudWorkspaceReader',
      'getVideoConferenceReader',
      'getOAuthAppsReader',
      'getRoleReader',
      'getContactReader',
      'getExperimentalReader',
    ] as const) {
      const reader = (read[name] as () => Record<string, () => Promise<unknown>>)();
      await expect(reader['anything']!()).rejects.toThrow(unsupportedMessage(`IRead.${name}().anything()`));
    }
    expect(f.calls.every(([op]) => op === 'unsupported')).toBe(true);
    expect(f.calls).toHaveLength(12);
  });

  it('environment variables: RC allow-list readable but unset, others throw', async () => {
    const f = fakeRequest();
    const vars = createAccessors(f.request, app()).read.getEnvironmentReader().getEnvironmentVariables();
    expect(await vars.isReadable('ROOT_URL')).toBe(true);
    expect(await vars.isReadable('node_env')).toBe(true);
    expect(await vars.isReadable('RC_APPS_ABC_123_TOKEN')).toBe(true);
    expect(await vars.isReadable('HOME')).toBe(false);
    expect(await vars.isSet('ROOT_URL')).toBe(false);
    expect(await vars.getValueByName('ROOT_URL')).toBeUndefined();
    await expect(vars.getValueByName('HOME')).rejects.toThrow('The environmental variable "HOME" is not readable.');
    await expect(vars.isSet('PATH')).rejects.toThrow('The environmental variable "PATH" is not readable.');
    expect(f.calls).toEqual([]);
  });
});
