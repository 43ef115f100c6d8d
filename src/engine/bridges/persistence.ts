/**
 * App persistence (IPersistence / IPersistenceRead). After RC
 * `apps/meteor/app/apps/server/bridges/persistence.ts` (current, Mongo driver version):
 * - data must be `typeof 'object'` (null and arrays pass, as in RC);
 * - `read(id)` looks the id up without filtering by app (`findOneById`);
 * - `*ByAssociations` reads and removals use `associations: { $all: [...] }`: a record matches if
 *   it carries every given association (order free); an empty list matches nothing;
 * - `updateByAssociations` uses `updateOne({ appId, associations })`: exact array equality (same
 *   associations, same order), first record only; upsert inserts `{ associations, data }`;
 *   returns the new id when it inserted, else '';
 * - `update(id, ...)` always throws `Not implemented.` in RC.
 */
import type { Association, PersistenceRecord } from '../world/types.ts';
import type { BridgeContext, BridgeHandler } from './types.ts';
import { BridgeError } from './types.ts';
import { copy, field } from './util.ts';

const INVALID_DATA = 'Attempted to store an invalid data type, it must be an object.';

function checkData(data: unknown): void {
  if (typeof data !== 'object') throw new BridgeError(INVALID_DATA);
}

/** The associations an app sent, as `{ model, id }` records (anything else cannot match). */
function toAssociations(x: unknown): Association[] {
  const list = Array.isArray(x) ? x : x === null || x === undefined ? [] : [x];
  return list.map((a) => ({ model: String(field(a, 'model')), id: String(field(a, 'id')) }));
}

const same = (a: Association, b: Association) => a.model === b.model && a.id === b.id;

/** `$all`: the record has every association; `$all: []` matches no document. */
function matchingAll(ctx: BridgeContext, assoc: Association[]): PersistenceRecord[] {
  if (assoc.length === 0) return [];
  return ctx.world.recordsByAssociations(ctx.appId, assoc);
}

function newRecordId(ctx: BridgeContext): string {
  for (;;) {
    const id = ctx.env.ids.next('record');
    if (!ctx.world.recordByIdAnyApp(id)) return id;
  }
}

export const read: BridgeHandler<'persistence.read'> = (ctx, id) => copy(ctx.world.recordByIdAnyApp(id)?.data);

export const readByAssociations: BridgeHandler<'persistence.readByAssociations'> = (ctx, associations) =>
  matchingAll(ctx, toAssociations(associations)).map((r) => copy(r.data));

/** create / createWithAssociation(s): `associations` null or [] means none. */
export const create: BridgeHandler<'persistence.create'> = (ctx, data, associations) => {
  checkData(data);
  const id = newRecordId(ctx);
  ctx.world.insertRecord(ctx.appId, { id, data: copy(data), associations: toAssociations(associations) });
  return id;
};

export const update: BridgeHandler<'persistence.update'> = (_ctx, _id, data) => {
  checkData(data);
  throw new BridgeError('Not implemented.');
};

export const updateByAssociations: BridgeHandler<'persistence.updateByAssociations'> = (ctx, associations, data, upsert) => {
  checkData(data);
  const assoc = toAssociations(associations);
  const target = ctx.world
    .records(ctx.appId)
    .find((r) => r.associations.length === assoc.length && r.associations.every((a, i) => same(a, assoc[i] as Association)));
  if (target) {
    ctx.world.updateRecordData(ctx.appId, target.id, copy(data));
    return '';
  }
  if (!upsert) return '';
  const id = newRecordId(ctx);
  ctx.world.insertRecord(ctx.appId, { id, data: copy(data), associations: assoc });
  return id;
};

/** The removed record's data, or undefined when the app has no record with that id. */
export const remove: BridgeHandler<'persistence.remove'> = (ctx, id) => {
  const [removed] = ctx.world.removeRecords(ctx.appId, [id]);
  return removed ? removed.data : undefined;
};

/** The removed datas; undefined (not []) when nothing matched. */
export const removeByAssociations: BridgeHandler<'persistence.removeByAssociations'> = (ctx, associations) => {
  const found = matchingAll(ctx, toAssociations(associations));
  if (found.length === 0) return undefined;
  return ctx.world
    .removeRecords(
      ctx.appId,
      found.map((r) => r.id),
    )
    .map((r) => r.data);
};
