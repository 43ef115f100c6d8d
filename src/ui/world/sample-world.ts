/** A small world for the World panel's tests (and anyone wanting a quick fixture). */
import { emptyWorld, type WorldState } from '../../engine/index.ts';

export function sampleWorld(): WorldState {
  const at = new Date('2024-05-01T10:00:00Z');
  const w = emptyWorld();
  w.users = [
    { id: 'u1', username: 'alice', name: 'Alice', roles: ['user', 'admin'], type: 'user', createdAt: at },
    { id: 'u2', username: 'bob', name: 'Bob', roles: ['user'], type: 'user', createdAt: at },
    { id: 'u3', username: 'carol', name: 'Carol', roles: ['user'], type: 'user', createdAt: at },
  ];
  w.rooms = [
    {
      id: 'r1',
      slugifiedName: 'general',
      type: 'c',
      creatorId: 'u1',
      memberIds: ['u1', 'u2'],
      ownerIds: ['u1'],
      isDefault: true,
      isReadOnly: false,
      displaySystemMessages: true,
      messageCount: 1,
      createdAt: at,
      updatedAt: at,
    },
  ];
  w.messages = [{ id: 'm1', roomId: 'r1', senderId: 'u1', text: 'hello', appId: 'app1', createdAt: at }];
  w.persistence = { app1: [{ id: 'p1', data: { count: 1 }, associations: [{ model: 'room', id: 'r1' }] }] };
  w.settings = { app1: { greeting: { id: 'greeting', type: 'string', packageValue: 'hi', required: false, public: false, i18nLabel: 'Greeting' } } };
  w.httpMocks = [
    { method: 'GET', url: 'https://api.example.com/*', status: 200, data: { ok: true } },
    { method: '*', url: '*', status: 404, content: 'not found' },
  ];
  return w;
}
