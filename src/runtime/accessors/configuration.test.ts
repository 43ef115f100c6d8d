import { decodeWire } from '../../protocol/wire.ts';
import { describe, expect, it } from 'vitest';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import type { AppDescriptor } from '../../protocol/runtime-protocol.ts';
import { fakeRequest } from './fake-request.ts';
import { createAccessors } from './index.ts';
import { unsupportedMessage } from './unsupported.ts';

const app = (): AppDescriptor => ({
  id: 'app-c',
  name: 'App',
  nameSlug: 'app',
  version: '1.0.0',
  description: '',
  requiredApiVersion: '^1.0.0',
  author: { name: 'me', support: 'x' },
  classFile: 'main.ts',
});
const setting = (id: string, extra: Partial<ISetting> = {}) =>
  ({ id, type: 'string', packageValue: 'def', required: false, public: true, i18nLabel: `${id}_label`, ...extra }) as ISetting;

describe('IConfigurationExtend', () => {
  it('collects settings as declarations, later same id replaces in place', async () => {
    const { configurationExtend: ce } = createAccessors(fakeRequest().request, app());
    await ce.settings.provideSetting(setting('welcome_rooms'));
    await ce.settings.provideSetting(setting('rules', { type: 'select' as ISetting['type'], values: [{ key: 'a', i18nLabel: 'A' }], i18nDescription: 'd' }));
    await ce.settings.provideSetting(setting('welcome_rooms', { packageValue: 'general', required: true }));
    // Declared values cross as msgpack (spec 7.3, Wire): decode them to compare.
    const decoded = ce.collectedSettings().map((d) => {
      const x: Record<string, unknown> = { ...d, packageValue: decodeWire(d.packageValue) };
      if (d.values !== undefined) x['values'] = decodeWire(d.values);
      if (d.value !== undefined) x['value'] = decodeWire(d.value);
      return x;
    });
    expect(decoded).toEqual([
      { id: 'welcome_rooms', type: 'string', packageValue: 'general', required: true, public: true, i18nLabel: 'welcome_rooms_label' },
      {
        id: 'rules',
        type: 'select',
        packageValue: 'def',
        required: false,
        public: true,
        i18nLabel: 'rules_label',
        i18nDescription: 'd',
        values: [{ key: 'a', i18nLabel: 'A' }],
      },
    ]);
    await expect(ce.settings.provideSetting({} as ISetting)).rejects.toThrow(TypeError);
  });

  it('registrations are accepted and ignored, without calling the host', async () => {
    const f = fakeRequest();
    const { configurationExtend: ce } = createAccessors(f.request, app());
    await ce.slashCommands.provideSlashCommand({ command: 'x' } as never);
    await ce.api.provideApi({ endpoints: [] } as never);
    await ce.scheduler.registerProcessors([]);
    await ce.ui.registerButton({} as never);
    await ce.externalComponents.register({} as never);
    await ce.videoConfProviders.provideVideoConfProvider({} as never);
    expect(f.calls).toEqual([]);
  });
});

describe('IEnvironmentWrite, IConfigurationModify, IAppAccessors', () => {
  it('updateValue sends settings.update; the rest is unsupported', async () => {
    const f = fakeRequest();
    const { environmentWrite, configurationModify } = createAccessors(f.request, app());
    await environmentWrite.getSettings().updateValue('welcome_rooms', 'general,random');
    expect(f.calls).toEqual([['settings.update', [{ id: 'welcome_rooms', value: 'general,random' }]]]);
    await expect(environmentWrite.getSettings().updateSelectOptions('x', [])).rejects.toThrow(
      unsupportedMessage('IEnvironmentWrite.getSettings().updateSelectOptions()'),
    );
    await expect(environmentWrite.getServerSettings().updateOne({} as never)).rejects.toThrow('IEnvironmentWrite.getServerSettings().updateOne()');
    await expect(configurationModify.serverSettings.hideSetting('x')).rejects.toThrow(unsupportedMessage('IConfigurationModify.serverSettings.hideSetting()'));
    await expect(configurationModify.slashCommands.disableSlashCommand('x')).rejects.toThrow('IConfigurationModify.slashCommands.disableSlashCommand()');
  });

  it('appAccessors expose the same readers and http', async () => {
    const f = fakeRequest();
    const set = createAccessors(f.request, app());
    const aa = set.appAccessors;
    expect(aa.reader).toBe(set.read);
    expect(aa.http).toBe(set.http);
    expect(aa.environmentReader).toBe(set.environmentRead);
    expect(aa.environmentWriter).toBe(set.environmentWrite);
    expect(aa.providedApiEndpoints).toEqual([]);
    await aa.environmentReader.getSettings().getValueById('welcome_rooms');
    expect(f.calls).toEqual([['settings.getValueById', ['welcome_rooms']]]);
    await expect(aa.environmentReader.getServerSettings().isReadableById('x')).rejects.toThrow(
      unsupportedMessage('IEnvironmentRead.getServerSettings().isReadableById()'),
    );
  });
});
