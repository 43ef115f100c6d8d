/**
 * IPersistence and IPersistenceRead. As in RC packages/apps-engine/src/server/accessors/
 * Persistence.ts and PersistenceRead.ts, the single-association methods use the plural bridge
 * call with a one-item list, and `upsert` defaults to false.
 */
import type { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import type { Association } from '../../protocol/runtime-protocol.ts';
import type { RequestFn } from './types.ts';

/** A RocketChatAssociationRecord (getModel/getID) or a plain `{ model, id }` as sent to the host. */
export function toAssociation(assoc: unknown): Association {
  const a = assoc as { getModel?: () => string; getID?: () => string; model?: unknown; id?: unknown } | null;
  if (a === null || typeof a !== 'object') {
    throw new TypeError(`An association must be a RocketChatAssociationRecord, got ${a === null ? 'null' : typeof a}`);
  }
  const model = typeof a.getModel === 'function' ? a.getModel() : a.model;
  const id = typeof a.getID === 'function' ? a.getID() : a.id;
  return { model: String(model), id: String(id) };
}

const toAssociations = (list: RocketChatAssociationRecord[]): Association[] => {
  if (!Array.isArray(list)) throw new TypeError('associations must be an array of RocketChatAssociationRecord');
  return list.map(toAssociation);
};

export function createPersistence(request: RequestFn): IPersistence {
  return {
    create: async (data) => await request('persistence.create', [data, []]),
    createWithAssociation: async (data, association) => await request('persistence.create', [data, [toAssociation(association)]]),
    createWithAssociations: async (data, associations) => await request('persistence.create', [data, toAssociations(associations)]),
    update: async (id, data, upsert = false) => await request('persistence.update', [id, data, upsert]),
    updateByAssociation: async (association, data, upsert = false) =>
      await request('persistence.updateByAssociations', [[toAssociation(association)], data, upsert]),
    updateByAssociations: async (associations, data, upsert = false) =>
      await request('persistence.updateByAssociations', [toAssociations(associations), data, upsert]),
    // A record is the app's data, any `typeof 'object'` (null too, as in RC): IPersistence says object.
    remove: async (id) => (await request('persistence.remove', [id])) as object,
    removeByAssociation: async (association) => (await request('persistence.removeByAssociations', [[toAssociation(association)]])) as object[],
    removeByAssociations: async (associations) => (await request('persistence.removeByAssociations', [toAssociations(associations)])) as object[],
  };
}

export function createPersistenceRead(request: RequestFn): IPersistenceRead {
  return {
    read: async (id) => (await request('persistence.read', [id])) as object,
    readByAssociation: async (association) => (await request('persistence.readByAssociations', [[toAssociation(association)]])) as object[],
    readByAssociations: async (associations) => (await request('persistence.readByAssociations', [toAssociations(associations)])) as object[],
  };
}
