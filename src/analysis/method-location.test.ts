import { describe, expect, it } from 'vitest';
import { methodLines } from './method-location.ts';

const SRC = `import { App } from '@rocket.chat/apps-engine/definition/App';

class Helper {
    executePreRoomCreatePrevent() { return true; }
}

export class Guard extends App {
    public async executePreRoomCreatePrevent(room: any): Promise<boolean> {
        const name = room.slugifiedName;
        return name.includes('casino');
    }

    checkPostRoomCreate = async () => true;
}
`;

describe('methodLines', () => {
  it('finds the app class method (not a helper class of the same name) with its body lines', () => {
    expect(methodLines(SRC, 'executePreRoomCreatePrevent')).toEqual({ line: 8, endLine: 11 });
  });
  it('finds arrow-function properties', () => {
    expect(methodLines(SRC, 'checkPostRoomCreate')).toEqual({ line: 13, endLine: 13 });
  });
  it('null for a missing method or a file that does not parse', () => {
    expect(methodLines(SRC, 'executePostRoomCreate')).toBeNull();
    expect(methodLines('export class {', 'x')).toBeNull();
  });
});
