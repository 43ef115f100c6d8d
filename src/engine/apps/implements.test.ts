import { describe, expect, it } from 'vitest';
import { findImplementsClauses, implementedInterfaces } from './implements.ts';

// spec section 2: the manifest's `implements` comes from the top-level classes' implements clauses.
describe('implementedInterfaces (spec §2, apps compiler getImplementedInterfaces)', () => {
  it('reads the implements clause of an exported class that extends App', () => {
    const src = `import { App } from '@rocket.chat/apps-engine/definition/App';
export class Guard extends App implements IPreRoomCreatePrevent, IPostRoomCreate {
  async executePreRoomCreatePrevent() { return true; }
}`;
    expect(implementedInterfaces(src)).toEqual(['IPreRoomCreatePrevent', 'IPostRoomCreate']);
  });

  it('ignores methods without an implements entry and names in comments or strings', () => {
    const src = `// class X implements IPreRoomUserJoined {}
const s = "class Y implements IPostRoomDeleted {";
export class A extends App {
  async executePreRoomCreatePrevent() { return true; }
}`;
    expect(implementedInterfaces(src)).toEqual([]);
  });

  it('keeps only valid Apps-Engine interfaces (a namespace prefix or unknown name is dropped)', () => {
    const src = `export class A extends App implements ns.IPreRoomUserJoined, IFoo, IPreRoomUserLeave {}`;
    const [clause] = findImplementsClauses(src);
    expect(clause?.entries.map((e) => [e.text, e.valid])).toEqual([
      ['ns.IPreRoomUserJoined', false],
      ['IFoo', false],
      ['IPreRoomUserLeave', true],
    ]);
    expect(implementedInterfaces(src)).toEqual(['IPreRoomUserLeave']);
  });

  it('handles generics in extends, multi-line clauses, and several top-level classes', () => {
    const src = `class Helper implements IPostRoomUserJoined {}
export default class Main extends Base<Map<string, number>>
  implements
    IPreRoomCreateExtend,
    IPreRoomCreateModify {
  method() { class Inner implements IPostRoomDeleted {} }
}`;
    expect(implementedInterfaces(src)).toEqual(['IPostRoomUserJoined', 'IPreRoomCreateExtend', 'IPreRoomCreateModify']);
    expect(findImplementsClauses(src).map((c) => c.className)).toEqual(['Helper', 'Main']);
  });

  it('reports the line of each entry', () => {
    const src = `\n\nexport class A extends App\n  implements IPreRoomUserJoined {}`;
    expect(findImplementsClauses(src)[0]?.entries[0]?.line).toBe(4);
  });
});
