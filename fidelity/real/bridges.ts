/**
 * In-memory bridges and storages for the real AppManager of Apps-Engine 1.62.0 (the parts
 * Rocket.Chat implements in Meteor). Only what installing, enabling and room listeners touch is
 * real: the app users, the app's storage item, logs, and `getUsernamesOfRoomById` (the runtime's
 * `room.usernames`, answered from the fidelity host's world). Any other bridge method answers
 * `undefined` and is recorded in `unexpected`, so a case that reaches one shows it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Any = any;
const { AppBridges } = require('apps-engine-1-62/server/bridges/AppBridges.js') as { AppBridges: new () => object };
const { AppMetadataStorage, AppLogStorage } = require('apps-engine-1-62/server/storage/index.js') as {
  AppMetadataStorage: new (engine: string) => object;
  AppLogStorage: new (engine: string) => object;
};
const { AppSourceStorage } = require('apps-engine-1-62/server/storage/AppSourceStorage.js') as { AppSourceStorage: new () => object };

export interface HostUsers {
  usernamesOfRoom(roomId: string): string[];
}

export class MemoryMetadataStorage extends AppMetadataStorage {
  readonly items = new Map<string, Any>();
  constructor() {
    super('memory');
  }
  async create(item: Any) {
    const stored = { ...item, _id: item.id, createdAt: new Date(), updatedAt: new Date() };
    this.items.set(item.id, stored);
    return stored;
  }
  async retrieveOne(id: string) {
    return this.items.get(id) ?? null;
  }
  async retrieveAll() {
    return new Map(this.items);
  }
  async retrieveAllPrivate() {
    return new Map(this.items);
  }
  async remove(id: string) {
    this.items.delete(id);
    return { success: true };
  }
  async updatePartialAndReturnDocument(item: Any) {
    const id = item._id ?? item.id;
    const next = { ...(this.items.get(id) ?? {}), ...item };
    this.items.set(id, next);
    return next;
  }
  async updateStatus(id: string, status: string) {
    const it = this.items.get(id);
    if (it) it.status = status;
    return true;
  }
  async updateSetting(id: string, setting: Any) {
    const it = this.items.get(id);
    if (it) it.settings = { ...it.settings, [setting.id]: setting };
    return true;
  }
  async updateAppInfo(id: string, info: Any) {
    const it = this.items.get(id);
    if (it) it.info = info;
    return true;
  }
  async updateMarketplaceInfo(id: string, marketplaceInfo: Any) {
    const it = this.items.get(id);
    if (it) it.marketplaceInfo = marketplaceInfo;
    return true;
  }
}

export class MemorySourceStorage extends AppSourceStorage {
  readonly zips = new Map<string, Buffer>();
  async store(item: Any, zip: Buffer) {
    this.zips.set(item.id, zip);
    return `memory:${item.id}`;
  }
  async fetch(item: Any) {
    const zip = this.zips.get(item.id);
    if (!zip) throw new Error(`no package stored for ${item.id}`);
    return zip;
  }
  async update(item: Any, zip: Buffer) {
    return this.store(item, zip);
  }
  async remove(item: Any) {
    this.zips.delete(item.id);
  }
}

export class MemoryLogStorage extends AppLogStorage {
  readonly entries: Any[] = [];
  constructor() {
    super('memory');
  }
  async findPaginated() {
    return { logs: this.entries, total: this.entries.length };
  }
  async storeEntries(entry: Any) {
    this.entries.push(entry);
    if (this.entries.length > 2000) this.entries.splice(0, 1000);
    return entry;
  }
  async getEntriesFor(appId: string) {
    return this.entries.filter((e) => e.appId === appId);
  }
  async removeEntriesFor(appId: string) {
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i].appId === appId) this.entries.splice(i, 1);
  }
}

/** A bridge whose every method resolves to `undefined` and is recorded. */
function recordingBridge(name: string, unexpected: string[], impl: Record<string, (...args: Any[]) => unknown> = {}): Any {
  return new Proxy(impl, {
    get(target, prop) {
      if (typeof prop !== 'string') return undefined;
      if (prop in target) return target[prop];
      if (prop === 'then') return undefined;
      return async () => {
        unexpected.push(`${name}.${prop}`);
        return undefined;
      };
    },
  });
}

export function memoryBridges(host: HostUsers): { bridges: object; unexpected: string[]; appUsers: Map<string, Any> } {
  const unexpected: string[] = [];
  const appUsers = new Map<string, Any>();
  const users = recordingBridge('UserBridge', unexpected, {
    getAppUser: async (appId?: string) => (appId ? appUsers.get(appId) : undefined),
    doGetAppUser: async (appId?: string) => (appId ? appUsers.get(appId) : undefined),
    create: async (data: Any, appId: string) => {
      const id = `bot-${appId}`;
      appUsers.set(appId, { ...data, id, createdAt: new Date(), updatedAt: new Date(), lastLoginAt: new Date() });
      return id;
    },
    remove: async (_user: Any, appId: string) => appUsers.delete(appId),
  });
  const silent = (name: string, methods: string[]) => recordingBridge(name, unexpected, Object.fromEntries(methods.map((m) => [m, async () => undefined])));
  const activation = silent('AppActivationBridge', ['doAppAdded', 'doAppUpdated', 'doAppRemoved', 'doAppStatusChanged', 'doActionsChanged']);
  const internal = recordingBridge('InternalBridge', unexpected, {
    doGetUsernamesOfRoomById: (roomId: string) => host.usernamesOfRoom(roomId),
    getUsernamesOfRoomById: (roomId: string) => host.usernamesOfRoom(roomId),
    doGetWorkspacePublicKey: async () => undefined,
  });
  // The engine signs every stored app (AppSignatureManager, RS512) with the workspace key pair
  // Rocket.Chat's federation bridge holds; a fresh pair per harness run.
  const keys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const federation = recordingBridge('InternalFederationBridge', unexpected, {
    getPrivateKey: async () => keys.privateKey,
    getPublicKey: async () => keys.publicKey,
  });
  const specific: Record<string, Any> = {
    getInternalFederationBridge: federation,
    getUserBridge: users,
    getAppActivationBridge: activation,
    getInternalBridge: internal,
    getCommandBridge: silent('CommandBridge', ['doRegisterCommand', 'doUnregisterCommand', 'doDoesCommandExist', 'doEnableCommand', 'doDisableCommand']),
    getApiBridge: silent('ApiBridge', ['doRegisterApi', 'doUnregisterApis']),
    getSchedulerBridge: silent('SchedulerBridge', ['doCancelAllJobs', 'doRegisterProcessors']),
    getVideoConferenceBridge: silent('VideoConferenceBridge', ['doRegisterProvider', 'doUnRegisterProvider']),
    getOutboundMessageBridge: silent('OutboundMessageBridge', ['doRegisterPhoneProvider', 'doRegisterEmailProvider', 'doUnRegisterProvider']),
    getPersistenceBridge: silent('PersistenceBridge', ['purge']),
  };
  class Bridges extends AppBridges {}
  const base = new Bridges();
  const bridges = new Proxy(base, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop.startsWith('get') && prop.endsWith('Bridge')) {
        const b = specific[prop] ?? (specific[prop] = recordingBridge(prop.slice(3), unexpected));
        return () => b;
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  return { bridges, unexpected, appUsers };
}
