import { describe, expect, it } from 'vitest';
import { classFileProblem, findImplementsClauses, implementedInterfaces } from './implements.ts';

// spec section 2: the manifest's `implements` is read from the syntax tree of the class file, as
// the apps compiler's getImplementedInterfaces does (top-level ClassDeclarations, each
// `implements` entry by its text). A corpus of class files a text scanner gets wrong.
const HEAD = `import { App } from '@rocket.chat/apps-engine/definition/App';\n`;

describe('implements from one real parse: tricky class files (spec §2)', () => {
  it('a regex literal holding a brace above the class does not hide the clause', () => {
    const src = `${HEAD}const OPEN = /{/;
const CLOSE = /}+/g;
export class Guard extends App implements IPreRoomCreatePrevent {
  async executePreRoomCreatePrevent() { return OPEN.test('{'); }
}`;
    expect(implementedInterfaces(src)).toEqual(['IPreRoomCreatePrevent']);
  });

  it('a regex literal with a quote and a slash in a class before the app class', () => {
    const src = `class Util { static re = /["'\\/]{2,}/; static other = /\`/; }
export class A extends App implements IPostRoomCreate { async executePostRoomCreate() {} }`;
    expect(implementedInterfaces(src)).toEqual(['IPostRoomCreate']);
    expect(findImplementsClauses(src).map((c) => c.className)).toEqual(['Util', 'A']);
  });

  it('strings, templates and comments holding braces or whole class headers count for nothing', () => {
    const src = `${HEAD}const a = "}}}{";
const b = '{ class Fake implements IPostRoomDeleted {';
const c = \`\${'{'} nested \${\`}\`} { \`;
// class Commented implements IPreRoomUserJoined {
/* } class Block implements IPreRoomUserLeave { */
export class Real extends App implements IPostRoomUserJoined {
  private label = \`}\${'{'}\`;
  async executePostRoomUserJoined() { const s = '}'; }
}
class After implements IPostRoomUserLeave {}`;
    expect(implementedInterfaces(src)).toEqual(['IPostRoomUserJoined', 'IPostRoomUserLeave']);
  });

  it('every top-level class counts, in source order; nested classes and class expressions do not', () => {
    const src = `class Helper implements IPostRoomUserJoined {}
const Expr = class implements IPostRoomCreate {};
function f() { class Inner implements IPostRoomDeleted {} return Inner; }
namespace N { export class InNamespace implements IPreRoomUserLeave {} }
export class Main extends App implements IPreRoomCreateExtend {
  method() { return class implements IPreRoomCreateModify {}; }
}`;
    expect(implementedInterfaces(src)).toEqual(['IPostRoomUserJoined', 'IPreRoomCreateExtend']);
    expect(findImplementsClauses(src).map((c) => c.className)).toEqual(['Helper', 'Main']);
  });

  it('export default classes, named or anonymous', () => {
    expect(implementedInterfaces(`export default class Main extends App implements IPostRoomCreate {}`)).toEqual(['IPostRoomCreate']);
    const anon = `export default class extends App implements IPreRoomDeletePrevent {}`;
    expect(implementedInterfaces(anon)).toEqual(['IPreRoomDeletePrevent']);
    expect(findImplementsClauses(anon)[0]?.className).toBe('default');
  });

  it('decorators on the class, its members and parameters', () => {
    const src = `${HEAD}function Sealed(): ClassDecorator { return () => undefined; }
@Sealed()
export class Decorated extends App implements IPostRoomCreate {
  @Log('{') async executePostRoomCreate(@Inject('}') room: IRoom) {}
}`;
    expect(implementedInterfaces(src)).toEqual(['IPostRoomCreate']);
  });

  it('generics in the class, extends and implements; an entry with type arguments is not an interface name', () => {
    const src = `export class G<T extends { open: '{' }, U = Map<string, { a: 1 }>> extends Base<Array<{ x: T }>>
  implements IPostRoomCreate, IFoo<{ b: U }>, IPreRoomUserJoined {
  generic<K extends keyof T>(k: K): T[K] { return null as never; }
}`;
    const [clause] = findImplementsClauses(src);
    expect(clause?.entries.map((e) => [e.text, e.valid])).toEqual([
      ['IPostRoomCreate', true],
      ['IFoo<{ b: U }>', false],
      ['IPreRoomUserJoined', true],
    ]);
    expect(implementedInterfaces(src)).toEqual(['IPostRoomCreate', 'IPreRoomUserJoined']);
  });

  it('implements with namespaces keeps the text as written, which the compiler does not accept', () => {
    const src = `import * as rooms from '@rocket.chat/apps-engine/definition/rooms';
export class A extends App implements rooms.IPreRoomCreatePrevent, a.b.IPostRoomCreate, IPreRoomUserLeave {}`;
    expect(findImplementsClauses(src)[0]?.entries.map((e) => e.text)).toEqual(['rooms.IPreRoomCreatePrevent', 'a.b.IPostRoomCreate', 'IPreRoomUserLeave']);
    expect(implementedInterfaces(src)).toEqual(['IPreRoomUserLeave']);
  });

  it('comments inside the clause are not part of an entry; entries keep their own lines and offsets', () => {
    const src = `export class A extends App implements /* first */ IPostRoomCreate,
  // the second one
  IPostRoomDeleted {}`;
    const entries = findImplementsClauses(src)[0]?.entries ?? [];
    expect(entries.map((e) => [e.text, e.line])).toEqual([
      ['IPostRoomCreate', 1],
      ['IPostRoomDeleted', 3],
    ]);
    expect(src.slice(entries[1]?.start, entries[1]?.end)).toBe('IPostRoomDeleted');
  });

  it('duplicates are kept, as the compiler pushes every entry', () => {
    expect(implementedInterfaces(`class A implements IPostRoomCreate, IPostRoomCreate {}`)).toEqual(['IPostRoomCreate', 'IPostRoomCreate']);
  });

  it('abstract and declare classes are class declarations too', () => {
    expect(implementedInterfaces(`export abstract class A extends App implements IPostRoomCreate {}\ndeclare class D implements IPostRoomDeleted {}`)).toEqual([
      'IPostRoomCreate',
      'IPostRoomDeleted',
    ]);
  });

  it('JavaScript class files (no types) parse the same way', () => {
    expect(implementedInterfaces(`const re = /{/; module.exports = class X {}; class Y {}`)).toEqual([]);
  });

  it('a file the parser cannot read lists nothing and says why', () => {
    const src = `export class A extends App implements IPostRoomCreate {\n  method( {\n}`;
    expect(implementedInterfaces(src)).toEqual([]);
    expect(classFileProblem(src)).toMatchObject({ line: expect.any(Number) as number });
    expect(classFileProblem(`class A {}`)).toBeNull();
  });
});
