/**
 * Hand-written cases: one per rule of the spec (sections 2, 4, 5, 6), each run on both engines.
 * They are Cases of the generator's shape, so they run in one batch with the same machinery.
 */
import type { Case, CaseApp, Flags } from './gen.ts';
import { INTERFACES, type ActionSpec, type Iface } from './model.ts';

function flags(list: Iface[] = []): Flags {
  return Object.fromEntries(INTERFACES.map((i) => [i, list.includes(i)])) as Flags;
}

function app(impl: Iface[], plan: Record<string, string>, opts: { missing?: Iface[]; checks?: Iface[]; stray?: Iface[] } = {}): CaseApp {
  return { shape: { implements: flags(impl), missing: flags(opts.missing), checks: flags(opts.checks), stray: flags(opts.stray) }, plan };
}

const create: ActionSpec = { kind: 'create', type: 'c' };
const createP: ActionSpec = { kind: 'create', type: 'p' };
const join: ActionSpec = { kind: 'join', target: 0, invited: false };
const invite: ActionSpec = { kind: 'join', target: 1, invited: true };
const leave: ActionSpec = { kind: 'leave', target: 0, kicked: false };
const kick: ActionSpec = { kind: 'leave', target: 1, kicked: true };
const del: ActionSpec = { kind: 'delete', target: 0 };

export const HAND_WRITTEN: { name: string; spec: string; case: Case }[] = [
  {
    name: 'the first truthy Prevent wins; later apps are not called',
    spec: '4',
    case: {
      apps: [app(['IPreRoomCreatePrevent'], { executePreRoomCreatePrevent: 'true' }), app(['IPreRoomCreatePrevent'], { executePreRoomCreatePrevent: 'true' })],
      actions: [create],
    },
  },
  {
    name: 'an object result prevents too',
    spec: '4',
    case: { apps: [app(['IPreRoomCreatePrevent'], { executePreRoomCreatePrevent: 'object' })], actions: [createP] },
  },
  {
    name: 'false does not prevent; the next app runs',
    spec: '4',
    case: {
      apps: [app(['IPreRoomCreatePrevent'], { executePreRoomCreatePrevent: 'false' }), app(['IPreRoomCreatePrevent'], { executePreRoomCreatePrevent: 'true' })],
      actions: [create],
    },
  },
  {
    name: 'a check returning false skips the execute method',
    spec: '2',
    case: {
      apps: [
        app(['IPreRoomCreatePrevent'], { checkPreRoomCreatePrevent: 'false', executePreRoomCreatePrevent: 'true' }, { checks: ['IPreRoomCreatePrevent'] }),
      ],
      actions: [create],
    },
  },
  {
    name: 'a check throwing a generic error skips the app',
    spec: '5',
    case: {
      apps: [
        app(['IPreRoomCreatePrevent'], { checkPreRoomCreatePrevent: 'error', executePreRoomCreatePrevent: 'true' }, { checks: ['IPreRoomCreatePrevent'] }),
        app(['IPreRoomCreatePrevent'], { executePreRoomCreatePrevent: 'false' }),
      ],
      actions: [create],
    },
  },
  {
    name: 'a missing check method counts as true',
    spec: '2',
    case: { apps: [app(['IPreRoomCreatePrevent'], { executePreRoomCreatePrevent: 'true' })], actions: [create] },
  },
  {
    name: 'a generic error in Prevent is swallowed: not prevented',
    spec: '5',
    case: {
      apps: [
        app(['IPreRoomCreatePrevent'], { executePreRoomCreatePrevent: 'error' }),
        app(['IPreRoomCreatePrevent'], { executePreRoomCreatePrevent: 'false' }),
      ],
      actions: [create],
    },
  },
  {
    name: 'an AppsEngineException in Prevent: error-app-prevented with its message',
    spec: '5',
    case: {
      apps: [app(['IPreRoomCreatePrevent'], { executePreRoomCreatePrevent: 'ae' }), app(['IPreRoomCreatePrevent'], { executePreRoomCreatePrevent: 'true' })],
      actions: [create],
    },
  },
  {
    name: 'a Prevent that times out is swallowed; the next app runs',
    spec: '5',
    case: {
      apps: [
        app(['IPreRoomCreatePrevent'], { executePreRoomCreatePrevent: 'timeout' }),
        app(['IPreRoomCreatePrevent'], { executePreRoomCreatePrevent: 'false' }),
      ],
      actions: [create],
    },
  },
  {
    name: 'Extend then Modify chain: each result replaces the room; only mapped fields land (description dropped)',
    spec: '4, 6',
    case: {
      apps: [
        app(['IPreRoomCreateExtend'], { executePreRoomCreateExtend: 'accessor' }),
        app(['IPreRoomCreateModify', 'IPreRoomCreateExtend'], { executePreRoomCreateExtend: 'room', executePreRoomCreateModify: 'changed-room' }),
      ],
      actions: [create],
    },
  },
  {
    name: 'Modify through the builder (setDisplayName, addCustomField)',
    spec: '6',
    case: { apps: [app(['IPreRoomCreateModify'], { executePreRoomCreateModify: 'accessor' })], actions: [createP] },
  },
  {
    name: 'an Extend returning nothing breaks the chain: no change from any app is applied',
    spec: '4',
    case: {
      apps: [
        app(['IPreRoomCreateExtend'], { executePreRoomCreateExtend: 'changed-room' }),
        app(['IPreRoomCreateExtend'], { executePreRoomCreateExtend: 'nothing' }),
        app(['IPreRoomCreateModify'], { executePreRoomCreateModify: 'changed-room' }),
      ],
      actions: [create],
    },
  },
  {
    name: 'an Extend throwing breaks the chain',
    spec: '4, 5',
    case: {
      apps: [
        app(['IPreRoomCreateExtend'], { executePreRoomCreateExtend: 'error' }),
        app(['IPreRoomCreateModify'], { executePreRoomCreateModify: 'changed-room' }),
      ],
      actions: [create],
    },
  },
  {
    name: 'a Modify timing out breaks the chain',
    spec: '4, 5',
    case: {
      apps: [
        app(['IPreRoomCreateExtend'], { executePreRoomCreateExtend: 'changed-room' }),
        app(['IPreRoomCreateModify'], { executePreRoomCreateModify: 'timeout' }),
      ],
      actions: [create],
    },
  },
  {
    name: 'mutating the argument changes nothing',
    spec: '3',
    case: {
      apps: [app(['IPreRoomCreatePrevent'], { executePreRoomCreatePrevent: 'mutate' }), app(['IPreRoomCreateModify'], { executePreRoomCreateModify: 'room' })],
      actions: [create],
    },
  },
  {
    name: 'Post create is not awaited; its generic error is swallowed and the next app runs',
    spec: '4, 5',
    case: {
      apps: [app(['IPostRoomCreate'], { executePostRoomCreate: 'error' }), app(['IPostRoomCreate'], { executePostRoomCreate: 'true' })],
      actions: [create],
    },
  },
  {
    name: 'an AppsEngineException in Post create aborts the Post loop only',
    spec: '5',
    case: { apps: [app(['IPostRoomCreate'], { executePostRoomCreate: 'ae' }), app(['IPostRoomCreate'], { executePostRoomCreate: 'true' })], actions: [create] },
  },
  {
    name: 'Pre join: returning true does not block; UserNotAllowedException with a message does',
    spec: '4',
    case: {
      apps: [app(['IPreRoomUserJoined'], { executePreRoomUserJoined: 'true' }), app(['IPreRoomUserJoined'], { executePreRoomUserJoined: 'una' })],
      actions: [join],
    },
  },
  {
    name: 'Pre join: a generic error is swallowed and the join goes ahead; Post join runs',
    spec: '5',
    case: {
      apps: [app(['IPreRoomUserJoined', 'IPostRoomUserJoined'], { executePreRoomUserJoined: 'error', executePostRoomUserJoined: 'true' })],
      actions: [invite],
    },
  },
  {
    name: 'Pre leave: an AppsEngineException blocks a kick with its message',
    spec: '4, 7.1',
    case: { apps: [app(['IPreRoomUserLeave'], { executePreRoomUserLeave: 'ae' })], actions: [kick] },
  },
  {
    name: 'Post leave is awaited; an AppsEngineException reaches the caller after the user left',
    spec: '4, 5',
    case: { apps: [app(['IPreRoomUserLeave', 'IPostRoomUserLeave'], { executePreRoomUserLeave: 'false', executePostRoomUserLeave: 'ae' })], actions: [leave] },
  },
  {
    name: 'delete prevented: error-app-prevented-deleting',
    spec: '4',
    case: {
      apps: [app(['IPreRoomDeletePrevent', 'IPostRoomDeleted'], { executePreRoomDeletePrevent: 'true', executePostRoomDeleted: 'true' })],
      actions: [del],
    },
  },
  {
    name: 'an AppsEngineException in delete Prevent is not mapped',
    spec: '5',
    case: { apps: [app(['IPreRoomDeletePrevent'], { executePreRoomDeletePrevent: 'ae' })], actions: [del] },
  },
  {
    name: 'delete goes ahead; Post deleted runs after, its error swallowed',
    spec: '4, 7',
    case: {
      apps: [
        app(
          ['IPreRoomDeletePrevent', 'IPostRoomDeleted'],
          { checkPreRoomDeletePrevent: 'true', executePreRoomDeletePrevent: 'false', executePostRoomDeleted: 'error' },
          { checks: ['IPreRoomDeletePrevent'] },
        ),
      ],
      actions: [del, del],
    },
  },
  {
    name: 'a method written without its implements entry is never called',
    spec: '2',
    case: {
      apps: [app(['IPostRoomCreate'], { executePreRoomCreatePrevent: 'true', executePostRoomCreate: 'true' }, { stray: ['IPreRoomCreatePrevent'] })],
      actions: [create],
    },
  },
  {
    name: 'an interface listed without its execute method: Method not found escapes the loop',
    spec: '2, 5',
    case: {
      apps: [
        app(['IPreRoomCreatePrevent'], {}, { missing: ['IPreRoomCreatePrevent'] }),
        app(['IPreRoomCreatePrevent'], { executePreRoomCreatePrevent: 'true' }),
      ],
      actions: [create],
    },
  },
  {
    name: 'UserNotAllowedException without a message does not block: the real engine waits for the timeout',
    spec: '4',
    case: { apps: [app(['IPreRoomUserJoined'], { executePreRoomUserJoined: 'una-nomsg' })], actions: [join] },
  },
  {
    name: 'a kick from a room that is gone: remove-user is checked first (error-not-allowed)',
    spec: '7.1',
    case: {
      apps: [app(['IPreRoomDeletePrevent', 'IPreRoomUserLeave'], { executePreRoomDeletePrevent: 'false', executePreRoomUserLeave: 'true' })],
      actions: [del, { kind: 'leave', target: 0, kicked: true }],
    },
  },
  {
    name: "an Extend returning true, then a Modify using its builder (known difference: hookscope's builder throws)",
    spec: '4, 6',
    case: {
      apps: [app(['IPreRoomCreateExtend'], { executePreRoomCreateExtend: 'true' }), app(['IPreRoomCreateModify'], { executePreRoomCreateModify: 'accessor' })],
      actions: [create],
    },
  },
  {
    name: 'several actions in one pipeline: create, join, leave, delete',
    spec: '4, 7',
    case: {
      apps: [
        app(['IPreRoomCreateModify', 'IPostRoomCreate', 'IPreRoomUserJoined', 'IPostRoomUserLeave'], {
          executePreRoomCreateModify: 'changed-room',
          executePostRoomCreate: 'nothing',
          executePreRoomUserJoined: 'false',
          executePostRoomUserLeave: 'nothing',
        }),
        app(['IPreRoomDeletePrevent', 'IPostRoomDeleted'], { executePreRoomDeletePrevent: 'false', executePostRoomDeleted: 'nothing' }),
      ],
      actions: [create, join, leave, { kind: 'delete', target: 2 }],
    },
  },
];
