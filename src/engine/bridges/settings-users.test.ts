import { describe, expect, it } from 'vitest';
import { dispatchAccessor } from './index.ts';
import { BridgeError } from './types.ts';
import { makeCtx, smallWorld, T0, user } from './test-world.ts';
import type { AppSetting } from '../world/types.ts';

const setting = (id: string, packageValue: unknown, value?: unknown): AppSetting => ({
  id,
  type: 'string',
  packageValue,
  ...(value !== undefined ? { value } : {}),
  required: false,
  public: false,
  i18nLabel: id,
});

function ctxWithSettings() {
  const state = smallWorld();
  state.settings['app-1'] = {
    greeting: setting('greeting', 'Hello', 'Hi there'),
    rooms: setting('rooms', 'general'),
    nulled: { ...setting('nulled', 'fallback'), value: null },
  };
  state.settings['app-2'] = { secret: setting('secret', 'x') };
  return makeCtx(state);
}

describe('settings', () => {
  it('getById returns the stored ISetting, undefined for unknown ids and other apps', async () => {
    const ctx = ctxWithSettings();
    expect(await dispatchAccessor(ctx, 'settings.getById', ['greeting'])).toEqual(setting('greeting', 'Hello', 'Hi there'));
    expect(await dispatchAccessor(ctx, 'settings.getById', ['nope'])).toBeUndefined();
    expect(await dispatchAccessor(ctx, 'settings.getById', ['secret'])).toBeUndefined();
  });

  it('getValueById: value, else packageValue (also for null), error for unknown ids', async () => {
    const ctx = ctxWithSettings();
    expect(await dispatchAccessor(ctx, 'settings.getValueById', ['greeting'])).toBe('Hi there');
    expect(await dispatchAccessor(ctx, 'settings.getValueById', ['rooms'])).toBe('general');
    expect(await dispatchAccessor(ctx, 'settings.getValueById', ['nulled'])).toBe('fallback');
    await expect(dispatchAccessor(ctx, 'settings.getValueById', ['nope'])).rejects.toThrow(new BridgeError('Setting "nope" does not exist.'));
  });

  it('returns copies: mutating a result does not change the world', async () => {
    const ctx = ctxWithSettings();
    const s = (await dispatchAccessor(ctx, 'settings.getById', ['greeting'])) as AppSetting;
    s.value = 'changed';
    expect(ctx.world.appSetting('app-1', 'greeting')?.value).toBe('Hi there');
  });

  it('update sets value and updatedAt; unknown ids are ignored', async () => {
    const ctx = ctxWithSettings();
    expect(await dispatchAccessor(ctx, 'settings.update', [{ id: 'rooms', value: 'general,random' }])).toBeUndefined();
    expect(ctx.world.appSetting('app-1', 'rooms')).toMatchObject({ value: 'general,random', updatedAt: T0 });
    await dispatchAccessor(ctx, 'settings.update', [{ id: 'ghost', value: 1 }]);
    expect(ctx.world.appSetting('app-1', 'ghost')).toBeUndefined();
  });

  it('server settings: ISetting / value, verbatim error for unknown ids', async () => {
    const ctx = ctxWithSettings();
    expect(await dispatchAccessor(ctx, 'serverSettings.getValueById', ['Site_Url'])).toBe('http://localhost:3000');
    expect(await dispatchAccessor(ctx, 'serverSettings.getOneById', ['Site_Name'])).toMatchObject({
      id: 'Site_Name',
      type: 'string',
      value: 'Rocket.Chat',
      packageValue: 'Rocket.Chat',
    });
    const err = new BridgeError('The setting "Nope" is not readable.');
    await expect(dispatchAccessor(ctx, 'serverSettings.getOneById', ['Nope'])).rejects.toThrow(err);
    await expect(dispatchAccessor(ctx, 'serverSettings.getValueById', ['Nope'])).rejects.toThrow(err);
  });
});

describe('users', () => {
  it('getById / getByUsername convert, undefined when missing', async () => {
    const ctx = makeCtx();
    expect(await dispatchAccessor(ctx, 'user.getById', ['u-bob'])).toMatchObject({ id: 'u-bob', username: 'bob', name: 'BOB', type: 'user' });
    expect(await dispatchAccessor(ctx, 'user.getByUsername', ['alice'])).toMatchObject({ id: 'u-alice' });
    expect(await dispatchAccessor(ctx, 'user.getById', ['nobody'])).toBeUndefined();
    expect(await dispatchAccessor(ctx, 'user.getByUsername', ['nobody'])).toBeUndefined();
  });

  it('getAppUser creates the bot user once, with the RC shape', async () => {
    const ctx = makeCtx();
    const first = await dispatchAccessor(ctx, 'user.getAppUser', [null]);
    expect(first).toMatchObject({
      id: 'user-1',
      username: 'welcome-bot.bot',
      name: 'Welcome Bot',
      roles: ['app'],
      type: 'app',
      appId: 'app-1',
      createdAt: T0,
    });
    expect(await dispatchAccessor(ctx, 'user.getAppUser', ['app-1'])).toEqual(first);
    expect(ctx.world.data.users.filter((u) => u.appId === 'app-1')).toHaveLength(1);
  });

  it('getAppUser for another app, an unknown app, and an existing bot user', async () => {
    const state = smallWorld();
    state.users.push(user('bot-2', 'other.bot', { type: 'app', appId: 'app-2', roles: ['app'] }));
    const ctx = makeCtx(state);
    expect(await dispatchAccessor(ctx, 'user.getAppUser', ['app-2'])).toMatchObject({ id: 'bot-2' });
    expect(await dispatchAccessor(ctx, 'user.getAppUser', ['app-unknown'])).toBeUndefined();
    expect(ctx.world.data.users).toHaveLength(4);
  });

  it('getAppUser skips ids already used in the world', async () => {
    const state = smallWorld();
    state.users.push(user('user-1', 'someone'));
    const ctx = makeCtx(state);
    expect(await dispatchAccessor(ctx, 'user.getAppUser', [null])).toMatchObject({ id: 'user-2' });
  });

  it('getAppUser reports a taken bot username as RC does at install', async () => {
    const state = smallWorld();
    state.users.push(user('u-x', 'welcome-bot.bot'));
    const ctx = makeCtx(state);
    await expect(dispatchAccessor(ctx, 'user.getAppUser', [null])).rejects.toThrow(
      'The username "welcome-bot.bot" is already being used. Rename or remove the user using it to install this App',
    );
  });
});
