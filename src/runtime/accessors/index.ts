/**
 * The app-side accessor objects: what handlers receive as `read`, `modify`, `persistence`, `http`
 * and what `this.getAccessors()` / `extendConfiguration` get. Every call that needs the host is one
 * `request(op, args)` ({@link AccessorOps}); builders are local objects until `finish`.
 */
import type {
  IAppAccessors,
  IConfigurationModify,
  IEnvironmentRead,
  IEnvironmentWrite,
  IHttp,
  IModify,
  IPersistence,
  IRead,
} from '@rocket.chat/apps-engine/definition/accessors';
import type { AppDescriptor } from '../../protocol/runtime-protocol.ts';
import { createConfigurationExtend, createConfigurationModify, type CollectingConfigurationExtend } from './configuration.ts';
import { createEnvironmentRead, createEnvironmentWrite } from './environment.ts';
import { createHttp, httpExtendFor } from './http.ts';
import { createModify } from './modify.ts';
import { createNotifier } from './notifier.ts';
import { createPersistence } from './persistence.ts';
import { createRead } from './read.ts';
import type { RequestFn } from './types.ts';

export type { RequestFn } from './types.ts';
export { RoomBuilder } from './room-builder.ts';
export { MessageBuilder } from './message-builder.ts';
export { HttpExtend, httpExtendFor } from './http.ts';
export { unsupportedMessage } from './unsupported.ts';
export type { CollectingConfigurationExtend } from './configuration.ts';

export interface AccessorSet {
  read: IRead;
  modify: IModify;
  persistence: IPersistence;
  http: IHttp;
  environmentRead: IEnvironmentRead;
  environmentWrite: IEnvironmentWrite;
  configurationExtend: CollectingConfigurationExtend;
  configurationModify: IConfigurationModify;
  appAccessors: IAppAccessors;
}

/**
 * A fresh set of accessors for `app`. The http extend store (default headers/params, pre-request
 * and pre-response handlers) is shared by every set made for the same `app` OBJECT, so handlers
 * registered through one set's `configurationExtend.http` apply to later sets' `http`.
 */
export function createAccessors(request: RequestFn, app: AppDescriptor): AccessorSet {
  const notifier = createNotifier(request);
  const read = createRead(request, app.id, notifier);
  const persistence = createPersistence(request);
  const httpExtend = httpExtendFor(app);
  const http = createHttp(request, httpExtend, read, persistence);
  const modify = createModify(request, app.id, notifier);
  const environmentRead = createEnvironmentRead(request, app.id, 'IEnvironmentRead');
  const environmentWrite = createEnvironmentWrite(request, 'IEnvironmentWrite');
  const appAccessors: IAppAccessors = {
    environmentReader: environmentRead,
    environmentWriter: environmentWrite,
    reader: read,
    http,
    providedApiEndpoints: [],
  };
  return {
    read,
    modify,
    persistence,
    http,
    environmentRead,
    environmentWrite,
    configurationExtend: createConfigurationExtend(httpExtend),
    configurationModify: createConfigurationModify(request),
    appAccessors,
  };
}
