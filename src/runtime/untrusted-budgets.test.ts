import { afterEach, describe, expect, it } from 'vitest';
import { CALL_LIMITS } from '../protocol/call-limits.ts';
import type { Harness } from './test-harness.ts';
import { HTTP, MODIFY, PERSIS, READ, appSource, roomArg, startHarness } from './test-harness.ts';
import { installNetworkGuards } from './network-guards.ts';
import { createCallBudgets } from './budgets.ts';

let h: Harness;
afterEach(() => h?.dispose());

const ROOM = { slugifiedName: 'general', type: 'c' };
const ARGS = [roomArg(ROOM, [], false), READ, HTTP, PERSIS, MODIFY];
const EVIL =
  'new Proxy({}, { get() { throw evil(); }, getPrototypeOf() { throw evil(); }, has() { throw evil(); }, ownKeys() { throw evil(); }, getOwnPropertyDescriptor() { throw evil(); } })';
const HELPERS = `const evil = (): any => ${EVIL.replace(/evil\(\)/g, "'x'")};`;

describe('a Proxy whose traps throw is answered at once', () => {
  it('thrown: "the thrown value cannot be read"', async () => {
    h = startHarness();
    await h.load({ 'MyApp.ts': appSource('  async executePostRoomCreate() { throw evil(); }', HELPERS) });
    const r = await h.call('executePostRoomCreate', ARGS);
    expect(r.result.ok).toBe(false);
    if (!r.result.ok) expect(r.result.error.message).toMatch(/thrown value cannot be read/);
  });

  it('returned: "cannot be sent to the host"', async () => {
    h = startHarness();
    await h.load({ 'MyApp.ts': appSource('  executePostRoomCreate() { return evil(); }', HELPERS) });
    const r = await h.call('executePostRoomCreate', ARGS);
    expect(r.result.ok).toBe(false);
    if (!r.result.ok) expect(r.result.error.message).toMatch(/cannot be sent to the host|cannot be read/);
  });
});

describe('per-call budgets', () => {
  it(`${CALL_LIMITS.requests + 500} requests: stopped after ${CALL_LIMITS.requests}, the call is ended at once`, async () => {
    h = startHarness(() => ({ ok: true, value: null }));
    const body = `  async executePostRoomCreate(room: any, read: any) { let refused = 0; for (let i = 0; i < ${CALL_LIMITS.requests + 500}; i++) { try { await read.getRoomReader().getById('r' + i); } catch { refused++; } } return refused; }`;
    await h.load({ 'MyApp.ts': appSource(body) });
    const r = await h.call('executePostRoomCreate', ARGS);
    expect(r.result.ok).toBe(false);
    if (!r.result.ok) expect(r.result.error.message).toBe(`2,001 requests: stopped after 2,000 (hookscope's limit per call); the call was ended`);
    expect(h.of('request', 'c1')).toHaveLength(CALL_LIMITS.requests);
  });

  it(`writes beyond ${CALL_LIMITS.writes} are refused`, async () => {
    h = startHarness(() => ({ ok: true, value: 'id' }));
    const body = `  async executePostRoomCreate(room: any, read: any, http: any, persis: any) { for (let i = 0; i < ${CALL_LIMITS.writes + 10}; i++) await persis.create({ i }); return true; }`;
    await h.load({ 'MyApp.ts': appSource(body) });
    const r = await h.call('executePostRoomCreate', ARGS);
    expect(r.result.ok).toBe(false);
    if (!r.result.ok) expect(r.result.error.message).toMatch(/^501 writes \(persistence.create\): stopped after 500/);
  });

  it('a result over the size limit is refused with its size', async () => {
    h = startHarness();
    await h.load({ 'MyApp.ts': appSource("  executePostRoomCreate() { return 'x'.repeat(5_000_000); }") });
    const r = await h.call('executePostRoomCreate', ARGS);
    expect(r.result.ok).toBe(false);
    if (!r.result.ok)
      expect(r.result.error.message).toMatch(/cannot be sent to the host: it is [\d,]+ characters on the wire, over hookscope's limit of 1,000,000/);
  });

  it('an error message over the limit is cut, saying so', async () => {
    h = startHarness();
    await h.load({ 'MyApp.ts': appSource("  executePostRoomCreate() { throw new Error('e'.repeat(3_000_000)); }") });
    const r = await h.call('executePostRoomCreate', ARGS);
    expect(r.result.ok).toBe(false);
    if (r.result.ok) return;
    expect(r.result.error.message.length).toBeLessThan(CALL_LIMITS.errorChars + 200);
    expect(r.result.error.message).toMatch(/more characters cut/);
    expect((r.result.error.stack ?? '').length).toBeLessThan(CALL_LIMITS.errorChars + 200);
  });

  it('logs beyond the per-call character budget are dropped and counted', async () => {
    h = startHarness();
    await h.load({ 'MyApp.ts': appSource("  executePostRoomCreate() { for (let i = 0; i < 100; i++) console.log('y'.repeat(9_000)); return 1; }") });
    const r = await h.call('executePostRoomCreate', ARGS);
    expect(r.result.ok).toBe(true);
    const logged = r.logs.reduce((n, l) => n + JSON.stringify(l.args).length, 0);
    expect(logged).toBeLessThan(CALL_LIMITS.logChars + 20_000);
    const dropped = h.of('dropped', 'c1').at(-1);
    expect(dropped?.count).toBeGreaterThan(70);
  });

  it('late requests of a left-over timer are capped and its intervals stopped', async () => {
    const stopped: string[] = [];
    const budgets = createCallBudgets((id) => stopped.push(id), { ...CALL_LIMITS, lateRequests: 3 });
    const request = budgets.guard(() => Promise.resolve('ok' as never));
    budgets.answered('c1');
    const answers = await Promise.allSettled([1, 2, 3, 4, 5].map(() => request('c1', 'room.getById', ['x'])));
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'rejected']);
    expect(stopped).toEqual(['c1']);
    const refused = answers[3] as PromiseRejectedResult;
    expect(String(refused.reason)).toMatch(/4 requests after the call answered: stopped after 3/);
  });
});

describe('network guards cannot be undone', () => {
  it('delete, assignment and the prototype chain never give the real fetch back', () => {
    const realFetch = () => 'real';
    const proto = { fetch: realFetch, XMLHttpRequest: class {} };
    const g = Object.create(proto) as Record<string, unknown>;
    const mockFetch = () => 'mock';
    Object.defineProperty(g, 'fetch', { value: mockFetch, writable: true, configurable: true });
    installNetworkGuards(g);
    expect(Reflect.deleteProperty(g, 'fetch')).toBe(false);
    expect(g['fetch']).toBe(mockFetch);
    expect(Reflect.set(g, 'fetch', realFetch)).toBe(false);
    expect('fetch' in proto).toBe(false);
    expect(Reflect.deleteProperty(g, 'XMLHttpRequest')).toBe(false);
    expect(() => new (g['XMLHttpRequest'] as new () => unknown)()).toThrow(/not available to apps.*HTTP mocks/);
    expect(() => g['localStorage']).toThrow(/persistence/);
  });
});
