import { afterEach, describe, expect, it } from 'vitest';
import { dispatchAccessor } from './index.ts';
import { declareSettings } from './settings.ts';
import { makeCtx, smallWorld } from './test-world.ts';
import type { AppSetting } from '../world/types.ts';
import { WorldStore } from '../world/store.ts';
import { withDeclaredSettings } from '../../state/rerun.ts';
import { initialWorld } from '../../scenario/to-engine.ts';
import { parseScenario, type Scenario } from '../../scenario/schema.ts';

const decl = (id: string): AppSetting => ({ id, type: 'string', packageValue: 'x', required: false, public: false, i18nLabel: id });
const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Every property the page's prototypes would show if something wrote onto them. */
function prototypeNames(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].flatMap((p) => Object.getOwnPropertyNames(p)).sort();
}
const before = prototypeNames();

afterEach(() => {
  expect(prototypeNames()).toEqual(before);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

describe('app- and file-controlled keys are data, never a path into host objects', () => {
  it('settings of an app whose id is __proto__ stay own entries of the world', async () => {
    for (const appId of KEYS) {
      const state = smallWorld();
      const world = new WorldStore(state);
      const refused = declareSettings({ data: state }, appId, [decl('polluted'), decl('__proto__'), decl('toString')]);
      expect(refused).toHaveLength(2);
      expect(Object.prototype.hasOwnProperty.call(state.settings, appId)).toBe(true);
      const ctx = { ...makeCtx(state), appId };
      expect(await dispatchAccessor(ctx, 'settings.getValueById', ['polluted'])).toBe('x');
      await dispatchAccessor(ctx, 'settings.update', [{ id: 'polluted', value: 'y' }]);
      await dispatchAccessor(ctx, 'settings.update', [{ id: 'toString', value: 'y' }]);
      await dispatchAccessor(ctx, 'settings.update', [{ id: '__proto__', value: { polluted: 1 } }]);
      expect(await dispatchAccessor(ctx, 'settings.getValueById', ['polluted'])).toBe('y');
      await expect(dispatchAccessor(ctx, 'settings.getValueById', ['hasOwnProperty'])).rejects.toThrow('does not exist');
      expect(world.appSetting(appId, 'polluted')?.value).toBe('y');
    }
  });

  it('persistence of an app whose id is __proto__ is its own list', async () => {
    const state = smallWorld();
    const ctx = { ...makeCtx(state), appId: '__proto__' };
    const id = await dispatchAccessor(ctx, 'persistence.create', [{ polluted: 1 }, []]);
    expect(typeof id).toBe('string');
    expect(Object.getPrototypeOf(state.persistence)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(state.persistence, '__proto__')).toBe(true);
    await dispatchAccessor(ctx, 'persistence.remove', [id]);
    expect(Object.getPrototypeOf(state.persistence)).toBe(Object.prototype);
  });

  it('a scenario with __proto__ / constructor app ids in settings and persistence is refused; built anyway, the world touches no prototype', () => {
    const json = JSON.parse(
      '{"apps":[],"settings":{"__proto__":{"polluted":1},"constructor":{"prototype":2}},"persistence":{"constructor":[{"id":"r","data":{}}]}}',
    ) as unknown;
    const parsed = parseScenario(json);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual(['settings.__proto__']);
    const withoutProto = parseScenario(
      JSON.parse('{"apps":[],"settings":{"constructor":{"prototype":2}},"persistence":{"constructor":[{"id":"r","data":{}}]}}'),
    );
    expect(withoutProto.ok ? [] : withoutProto.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['settings.constructor', 'persistence.constructor']),
    );
    // Defence in depth: the world builder keeps such keys as data even when handed them directly.
    const scenario = {
      ...(parseScenario({ apps: [] }) as { ok: true; scenario: Scenario }).scenario,
      settings: JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":2}}'),
      persistence: JSON.parse('{"constructor":[{"id":"r","data":{},"associations":[]}]}'),
    } as Scenario;
    const world = initialWorld(scenario);
    expect(Object.getPrototypeOf(world.settings)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const again = withDeclaredSettings(world, { ...world, settings: JSON.parse('{"__proto__":{"polluted":{"id":"polluted"}}}') as never });
    expect(Object.getPrototypeOf(again.settings)).toBe(Object.prototype);
  });
});
