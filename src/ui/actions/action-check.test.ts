import { describe, expect, it } from 'vitest';
import { defaultWorld } from '../../workspace/default-workspace.ts';
import { appFromTemplate, nameOfClass } from '../../workspace/app-files.ts';
import { defaultLive } from '../../state/rerun-slice.ts';
import { TEMPLATES } from '../../templates/index.ts';
import { actionProblem, roomLabel, roomRef } from './action-check.ts';

function withDm() {
  const world = defaultWorld();
  world.rooms.push({ ...world.rooms[0]!, id: 'u-aliceu-bob', slugifiedName: '', type: 'd', memberIds: ['u-alice', 'u-bob'], ownerIds: [], isDefault: false });
  return world;
}

describe('action checks before a run', () => {
  it('an empty room name does not run (it would answer "Invalid name: undefined")', () => {
    expect(actionProblem({ action: 'createRoom', name: '  ', type: 'c', creator: 'alice' }, defaultWorld())).toBe('A room needs a name.');
    expect(actionProblem({ action: 'createRoom', name: '', type: 'd', creator: 'alice', members: ['bob'] }, defaultWorld())).toBeNull();
    expect(actionProblem({ action: 'createRoom', name: 'ok', type: 'p', creator: 'alice' }, defaultWorld())).toBeNull();
  });

  it('a direct message is named by its members and is not a Join target (spec section 7)', () => {
    const world = withDm();
    const dm = world.rooms.find((r) => r.type === 'd')!;
    expect(roomLabel(dm, world)).toBe('@alice & @bob (direct message)');
    expect(roomRef(dm)).toBe('u-aliceu-bob');
    expect(roomLabel(world.rooms[0]!, world)).toBe('#general');
    expect(actionProblem({ action: 'joinRoom', room: 'u-aliceu-bob', user: 'carol' }, world)).toBe(
      'Nobody joins a direct message (@alice & @bob (direct message)): pick a channel or a private group.',
    );
    expect(actionProblem({ action: 'joinRoom', room: 'general', user: 'gus' }, world)).toBeNull();
    expect(actionProblem({ action: 'leaveRoom', room: '', user: 'gus' }, world)).toBe('Pick a room.');
  });
});

describe('small defaults', () => {
  it('new apps from a template are named after their class', () => {
    expect(nameOfClass('BannedWordsApp')).toBe('Banned Words');
    expect(nameOfClass('App2App')).toBe('App 2');
    const t = TEMPLATES.find((x) => x.classFile === 'BlockRoomNamesApp.ts')!;
    expect(appFromTemplate(t, []).name).toBe('Block Room Names');
    expect(appFromTemplate(t, [t.id]).name).toBe('Block Room Names 2');
    expect(JSON.parse(appFromTemplate(t, []).files['app.json']!).name).toBe('Block Room Names');
  });

  it('live mode is off by default in presenter mode; otherwise on only if it meets the target', () => {
    expect(defaultLive(false, null, true)).toBe(true);
    expect(defaultLive(false, null, false)).toBe(false);
    expect(defaultLive(true, null, true)).toBe(false);
    expect(defaultLive(false, 'off', true)).toBe(false);
    expect(defaultLive(false, 'on', false)).toBe(true);
    expect(defaultLive(true, 'on')).toBe(false);
    expect(defaultLive(true, 'presenter-on')).toBe(true);
  });
});
