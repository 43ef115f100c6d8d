import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AppDefinition } from '../engine/apps/app-manifest.ts';
import * as fixtures from '../test-support/apps.ts';
import { listensToAll, membershipSpy, preventLogging, roomSpy } from '../test-support/apps-more.ts';
import { contractHints } from './contract-hints.ts';

const HEAD = `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IRoomBuilder, IRoomExtender } from '@rocket.chat/apps-engine/definition/accessors';
import { IRoom, IRoomUserJoinedContext } from '@rocket.chat/apps-engine/definition/rooms';
`;

const codes = (src: string, files?: Record<string, string>) =>
  contractHints(files ? { source: HEAD + src, files } : HEAD + src).map((h) => `${h.code}@${h.line - 3}:${h.column}`);

describe('contract hints: no false positives on the example apps', () => {
  const clean: AppDefinition[] = [
    fixtures.bannedWords(),
    fixtures.preventReturning('a', 'A', 'true'),
    fixtures.extendCustomField(),
    fixtures.joinGuard(),
    fixtures.postCreateThrows(),
    fixtures.loopsForever(),
    fixtures.welcome(),
    preventLogging('p', 'P'),
    membershipSpy(),
    roomSpy(),
    listensToAll(),
  ];
  it.each(clean.map((a) => [a.id, a] as const))('%s has no hints', (_id, app) => {
    expect(contractHints({ source: app.files[app.classFile] ?? '', files: app.files })).toEqual([]);
  });

  it('the scenario examples have no hints', () => {
    for (const file of readdirSync('examples').filter((f) => f.endsWith('.json'))) {
      const scenario = JSON.parse(readFileSync(`examples/${file}`, 'utf8')) as { apps: { source?: string; files?: Record<string, string> }[] };
      for (const app of scenario.apps) {
        const files = app.files ?? { 'App.ts': app.source ?? '' };
        const manifest = files['app.json'] ? (JSON.parse(files['app.json']) as { classFile?: string }) : {};
        const classFile = manifest.classFile ?? Object.keys(files)[0] ?? '';
        expect(contractHints({ source: files[classFile] ?? '', files })).toEqual([]);
      }
    }
  });

  it('the deliberately broken fixtures get exactly their hint', () => {
    const one = (a: AppDefinition) => contractHints(a.files[a.classFile] ?? '').map((h) => h.code);
    expect(one(fixtures.noImplements())).toEqual(['never-called']);
    expect(one(fixtures.modifyReturningNothing())).toEqual(['chain-no-return']);
    expect(one(fixtures.modifyRename())).toEqual(['dropped-field']);
  });
});

describe('§2: implements and execute methods', () => {
  it('an execute or check method whose interface is not implemented is never called', () => {
    const src = `export class A extends App {
  async checkPreRoomCreatePrevent(room: IRoom) { return true; }
  async executePreRoomCreatePrevent(room: IRoom) { return true; }
}`;
    expect(codes(src)).toEqual(['never-called@2:9', 'never-called@3:9']);
    const hint = contractHints(HEAD + src)[0];
    expect(hint?.message).toContain('IPreRoomCreatePrevent');
    expect(hint?.rule).toMatch(/never called.*§2/);
    expect(hint).toMatchObject({ severity: 'warning', endColumn: 9 + 'checkPreRoomCreatePrevent'.length });
  });

  it('implements on another top-level class of the file counts (the compiler takes every class)', () => {
    expect(
      codes(`class Marker implements IPreRoomCreatePrevent { executePreRoomCreatePrevent() { return false; } }
export class A extends App { async executePreRoomCreatePrevent(room: IRoom) { return false; } }`),
    ).toEqual([]);
  });

  it('a listed interface without its execute method gives "method not found" (§5)', () => {
    expect(
      codes(`export class A extends App implements IPreRoomCreatePrevent, IPostRoomCreate {
  async executePostRoomCreate(): Promise<void> {}
}`),
    ).toEqual(['missing-execute@1:39']);
  });

  it('execute methods written as arrow properties or inherited from a local or imported base count', () => {
    expect(
      codes(`export class A extends App implements IPostRoomCreate {
  executePostRoomCreate = async (room: IRoom): Promise<void> => { this.getLogger().info(room.id); };
}`),
    ).toEqual([]);
    expect(
      codes(`abstract class Base extends App { async executePostRoomCreate() {} }
export class A extends Base implements IPostRoomCreate {}`),
    ).toEqual([]);
    expect(
      codes(
        `import { Base } from './base';
export class A extends Base implements IPostRoomCreate {}`,
        { 'base.ts': 'export class Base extends App { async executePostRoomCreate() {} }' },
      ),
    ).toEqual([]);
  });

  it('an unknown base class may hold the method: no missing-execute hint', () => {
    expect(codes(`import { Base } from 'somewhere';\nexport class A extends Base implements IPostRoomCreate {}`)).toEqual([]);
  });

  it('a qualified implements entry registers nothing; join/leave check methods are never called', () => {
    expect(
      codes(`export class A extends App implements rooms.IPostRoomCreate {
  async executePostRoomCreate() {}
  async checkPreRoomUserJoined() { return true; }
}`),
    ).toEqual(['qualified-implements@1:39', 'never-called@2:9', 'no-membership-check@3:9']);
  });

  it('ignores comments and strings', () => {
    expect(
      codes(`export class A extends App /* implements IPreRoomCreatePrevent */ {
  // async executePreRoomCreatePrevent() {}
  private s = 'executePreRoomCreatePrevent() {}';
}`),
    ).toEqual([]);
  });
});

describe('§6: calls with no effect, dropped fields', () => {
  it('IRoomExtender.addMember in Extend, by the parameter name', () => {
    expect(
      codes(`export class A extends App implements IPreRoomCreateExtend {
  async executePreRoomCreateExtend(room: IRoom, ext: IRoomExtender, read: IRead): Promise<IRoom> {
    const bob = await read.getUserReader().getByUsername('bob');
    ext.addMember(bob);
    return ext.getRoom();
  }
}`),
    ).toEqual(['no-effect-call@4:9']);
  });

  it('IRoomBuilder member methods in Modify, also chained and in helpers taking an IRoomBuilder', () => {
    expect(
      codes(`export class A extends App implements IPreRoomCreateModify {
  async executePreRoomCreateModify(room: IRoom, b): Promise<IRoom> {
    b.addUsername('bob');
    b.setReadOnly(true).setMembersToBeAddedByUsernames(['x']);
    this.more(b);
    return b.getRoom();
  }
  private more(builder: IRoomBuilder) { builder.addMemberToBeAddedByUsername('y'); builder.setUsernames([]); }
}`),
    ).toEqual(['no-effect-call@3:7', 'no-effect-call@4:25', 'no-effect-call@8:49', 'no-effect-call@8:92']);
  });

  it('does not flag the same names on other objects', () => {
    expect(
      codes(`export class A extends App implements IPreRoomCreateModify {
  async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<IRoom> {
    this.team.addMember('bob');
    builder.setDisplayName('x');
    return builder.getRoom();
  }
}`),
    ).toEqual([]);
  });

  it('description / teamId set on the room or passed to setData are dropped', () => {
    expect(
      codes(`export class A extends App implements IPreRoomCreateModify {
  async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<IRoom> {
    const r = builder.getRoom();
    r.description = 'x';
    builder.setData({ teamId: 't', customFields: { description: 'kept' } });
    return r;
  }
}`),
    ).toEqual(['dropped-field@4:7', 'dropped-field@5:23']);
  });

  it('setData after other builder calls replaces the room: the earlier changes are lost', () => {
    const hints = contractHints(`export class A extends App implements IPreRoomCreateModify {
  async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<IRoom> {
    builder.setSlugifiedName('team-' + room.slugifiedName).addCustomField('a', 1);
    const seen = builder.getRoom();
    builder.setData({ displayName: 'Only this' } as any);
    return builder.getRoom();
  }
}`);
    expect(hints.map((h) => `${h.code}@${h.line}:${h.column}`)).toEqual(['setdata-replaces@5:13']);
    expect(hints[0]?.message).toContain('setSlugifiedName(), addCustomField() are lost');
    expect(hints[0]?.rule).toMatch(/replaces the builder's whole room/);
  });

  it('setData first, or only getters before it, is fine', () => {
    expect(
      codes(`export class A extends App implements IPreRoomCreateModify {
  async executePreRoomCreateModify(room: IRoom, b: IRoomBuilder): Promise<IRoom> {
    const r = b.getRoom();
    b.setData({ ...r, displayName: 'x' });
    b.setReadOnly(true);
    return b.getRoom();
  }
}`),
    ).toEqual([]);
  });
});

describe('§4: return values', () => {
  it('Pre join/leave returning a boolean instead of throwing', () => {
    expect(
      codes(`export class A extends App implements IPreRoomUserJoined, IPreRoomUserLeave {
  async executePreRoomUserJoined(ctx: IRoomUserJoinedContext): Promise<boolean> {
    const names = ctx.room.usernames.filter((u) => { return u !== 'x'; });
    if (ctx.joiningUser.roles.includes('guest')) return false;
    return true;
  }
  async executePreRoomUserLeave(ctx) {
    if (!ctx.removedBy) return;
    return this.audit(ctx);
  }
}`),
    ).toEqual(['pre-membership-return@4:50', 'pre-membership-return@5:5']);
  });

  it('Extend/Modify returning nothing, or nothing on one path', () => {
    expect(
      codes(`export class A extends App implements IPreRoomCreateExtend, IPreRoomCreateModify {
  async executePreRoomCreateExtend(room: IRoom, extend: IRoomExtender) {
    extend.addCustomField('a', 1);
    [1].forEach(() => { return 2; });
  }
  async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder) {
    if (room.type === 'd') return;
    if (room.type === 'l') return null;
    return builder.getRoom();
  }
}`),
    ).toEqual(['chain-no-return@2:9', 'chain-no-return@7:28', 'chain-no-return@8:28']);
  });

  it('an expression-bodied arrow returns its expression', () => {
    expect(
      codes(`export class A extends App implements IPreRoomCreateExtend {
  executePreRoomCreateExtend = async (room: IRoom, extend: IRoomExtender) => extend.getRoom();
}`),
    ).toEqual([]);
  });

  it('returns with a value on a multi-line statement count', () => {
    expect(
      codes(`export class A extends App implements IPreRoomCreateExtend {
  async executePreRoomCreateExtend(room: IRoom, extend: IRoomExtender): Promise<IRoom> {
    return {
      ...extend.getRoom(),
      displayName: 'x',
    };
  }
}`),
    ).toEqual([]);
  });
});

describe('read from the syntax tree: braces in regex literals, strings and templates (spec §2)', () => {
  it('a regex literal holding a brace before the class changes nothing', () => {
    expect(
      codes(`const OPEN = /{/;
const t = \`}\${'{'}\`;
export class A extends App implements IPreRoomCreateModify {
  private re = /}{/g;
  async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<IRoom> {
    builder.addUsername('}');
    return builder.getRoom();
  }
  async executePostRoomCreate(room: IRoom) {}
}`),
    ).toEqual(['no-effect-call@6:13', 'never-called@9:9']);
  });

  it('a file that does not parse has no hints (its load reports the syntax error)', () => {
    expect(codes(`export class A extends App {\n  async executePostRoomCreate( {\n}`)).toEqual([]);
  });
});
