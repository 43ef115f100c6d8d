/** The blank app: an App class with no room-event interface yet. */
import { template, type AppTemplate } from './types.ts';

export const blank: AppTemplate = template({
  id: 'blank',
  label: 'Blank app',
  interfaceName: '',
  description: 'An empty Apps-Engine app, ready for the interfaces you add.',
  classFile: 'MyApp.ts',
  appId: '0b6a8f3e-2c1d-4e5f-8a9b-000000000000',
  name: 'My App',
  source: `import { IAppAccessors, ILogger } from '@rocket.chat/apps-engine/definition/accessors';
import { App } from '@rocket.chat/apps-engine/definition/App';
import { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';

/**
 * To handle a room event, add its interface to \`implements\` (e.g. \`implements IPreRoomCreatePrevent\`,
 * imported from '@rocket.chat/apps-engine/definition/rooms') and write its execute method.
 * Rocket.Chat only calls the methods whose interface is listed there.
 */
export class MyApp extends App {
    constructor(info: IAppInfo, logger: ILogger, accessors: IAppAccessors) {
        super(info, logger, accessors);
    }
}
`,
});
