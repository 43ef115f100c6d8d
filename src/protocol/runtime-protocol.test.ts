/** The guards generated from the message schemas (both directions) and the accessor op table. */
import { describe, expect, it } from 'vitest';
import { ACCESSOR_OPS, PROTOCOL_VERSION, checkHostMessage, isWriteOp, parseRuntimeMessage } from './runtime-protocol.ts';
import { encodeWire } from './wire.ts';

const v = PROTOCOL_VERSION;
const problem = (raw: unknown) => {
  const parsed = parseRuntimeMessage(raw);
  return parsed.ok ? null : parsed.problem;
};

describe('runtime -> host (parseRuntimeMessage)', () => {
  const pending = { timers: 0, intervals: 0, requests: 0 };
  const error = { code: -32603, name: 'Error', className: 'TypeError', message: 'boom' };

  it('accepts what a runtime sends', () => {
    const setting = { id: 's', type: 'string', packageValue: encodeWire('x'), required: false, public: true, i18nLabel: 'S' };
    for (const msg of [
      { v, type: 'ready' },
      { v, type: 'loaded', ok: true, className: 'App', methods: ['m'], settings: [setting] },
      { v, type: 'loaded', ok: false, error, phase: 'construct' },
      { v, type: 'initialized', settings: [] },
      { v, type: 'result', callId: 'c', ok: true, value: encodeWire({ a: 1 }), pending, held: { room: encodeWire({}), returned: false } },
      { v, type: 'result', callId: 'c', ok: false, error: { ...error, thrownKind: 'string', messageMissing: true }, pending },
      { v, type: 'pong', seq: 3 },
      { v, type: 'request', callId: null, reqId: 1, op: 'scheduler.schedule', args: [encodeWire('once'), encodeWire({ id: 'p' })] },
      {
        v,
        type: 'log',
        callId: 'c',
        level: 'warn',
        source: 'logger',
        args: [{ t: 'obj', className: 'Object', entries: [['a', { t: 'map', entries: [[{ t: 'num', v: '1' }, { t: 'undef' }]], more: 0 }]], more: 2 }],
        site: 'App.ts:3',
      },
      { v, type: 'dropped', callId: null, count: 4 },
      { v, type: 'settled', callId: 'c', waited: true, intervals: 0 },
    ]) {
      expect(problem(msg)).toBeNull();
    }
  });

  it('names the first problem with its path', () => {
    expect(problem('x')).toBe('message is not an object');
    expect(problem({ v: 2, type: 'ready' })).toBe('unsupported protocol version 2');
    expect(problem({ v, type: 'shout' })).toBe('unknown message type "shout"');
    expect(problem({ v, type: 'loaded', ok: 'yes' })).toBe('loaded.ok is not a boolean');
    expect(problem({ v, type: 'loaded', ok: true, className: 'A', methods: [], settings: [{ id: 's' }] })).toBe('loaded.settings[0].type is not a string');
    expect(problem({ v, type: 'loaded', ok: false, error: { ...error, code: 5 }, phase: 'require' })).toBe('loaded.error.code 5 is unknown');
    expect(problem({ v, type: 'loaded', ok: false, error, phase: 'later' })).toBe('loaded.phase "later" is unknown');
    expect(problem({ v, type: 'result', callId: 'c', ok: true, value: '!!', pending })).toBe('result.value is not serializable data');
    expect(problem({ v, type: 'result', callId: 'c', ok: true, value: encodeWire(1), pending: { timers: -1 } })).toBe('result.pending.timers is not a count');
    expect(problem({ v, type: 'request', callId: null, reqId: 1, op: 'toString', args: [] })).toBe('request.op "toString" is not a known accessor operation');
    expect(problem({ v, type: 'request', callId: 7, reqId: 1, op: 'room.getById', args: [] })).toBe('request.callId is not a string or null');
    expect(problem({ v, type: 'log', callId: null, level: 'loud', source: 'console', args: [] })).toBe('log.level "loud" is unknown');
    expect(problem({ v, type: 'log', callId: null, level: 'info', source: 'console', args: [{ t: 'str', v: 1 }] })).toBe('log.args[0].v is not a string');
  });
});

describe('host -> runtime (checkHostMessage)', () => {
  const app = {
    id: 'a',
    name: 'A',
    nameSlug: 'a',
    version: '1',
    description: '',
    requiredApiVersion: '^1',
    author: { name: 'n', support: 's' },
    classFile: 'A.ts',
  };

  it('accepts what the host sends', () => {
    for (const msg of [
      { v, type: 'load', app, files: { 'A.ts': 'x' }, switches: { freezeInputs: false, roomUsernames: 'promise' }, install: { user: null } },
      {
        v,
        type: 'call',
        callId: 'c',
        method: 'm',
        args: [
          { kind: 'room', room: encodeWire({}), wrap: true, usernames: ['u'] },
          { kind: 'accessor', name: 'read' },
        ],
      },
      { v, type: 'ping', seq: 1 },
      { v, type: 'response', reqId: 1, ok: true, value: encodeWire(null) },
      { v, type: 'response', reqId: 1, ok: false, error: { code: -32603, name: 'Error', className: 'Error', message: 'no' } },
    ]) {
      expect(checkHostMessage(msg)).toBeNull();
    }
  });

  it('names what is wrong', () => {
    expect(checkHostMessage(null)).toBe('message is not an object');
    expect(checkHostMessage({ v, type: 'load', app: { ...app, classFile: 1 }, files: {}, switches: { freezeInputs: false } })).toBe(
      'load.app.classFile is not a string',
    );
    expect(checkHostMessage({ v, type: 'load', app, files: { 'A.ts': 1 }, switches: { freezeInputs: false } })).toBe('load.files.A.ts is not a string');
    expect(checkHostMessage({ v, type: 'call', callId: 'c', method: 'm', args: [{ kind: 'weird' }] })).toBe('call.args is malformed');
    expect(checkHostMessage({ v, type: 'response', reqId: 1, ok: 1 })).toBe('response.ok is not a boolean');
    expect(checkHostMessage({ v, type: 'ping' })).toBe('ping.seq is not a number');
  });
});

describe('the accessor op table', () => {
  it('writes: modify (but reading the room to update), persistence (but reads) and settings.update', () => {
    expect(ACCESSOR_OPS.filter(isWriteOp).sort()).toEqual([
      'modify.creator.finish',
      'modify.deleter.deleteMessage',
      'modify.deleter.deleteRoom',
      'modify.deleter.removeUsersFromRoom',
      'modify.notifier.notifyRoom',
      'modify.notifier.notifyUser',
      'modify.updater.finish',
      'persistence.create',
      'persistence.remove',
      'persistence.removeByAssociations',
      'persistence.update',
      'persistence.updateByAssociations',
      'settings.update',
    ]);
    expect(ACCESSOR_OPS).toContain('scheduler.cancel');
  });
});
