/**
 * The profile switches of spec section 8, each with the kinds of difference it can cause, the
 * events it concerns, how to tell it was at work in a set of runs, and a plain-words statement of
 * the rule per profile. `differences.ts` picks the ones responsible for a difference.
 */
import { EVENT_SPECS, ROOM_EVENTS, type RoomEvent } from '../events.ts';
import { timeoutFor, type Profile } from '../profiles.ts';
import type { ProfileRun } from './run-under-profile.ts';

export type DifferenceKind = 'outcome' | 'error' | 'room' | 'calls';

export interface RuleContext {
  /** Events that had listeners in at least one of the runs. */
  events: RoomEvent[];
  runs: ProfileRun[];
}

export interface SwitchRule {
  id: 'timeout' | 'modifyApplied' | 'chain' | 'freezeInputs' | 'callOnlyIfMethodExists' | 'argOverrides';
  explains: readonly DifferenceKind[];
  /** The events the switch concerns. */
  events: readonly RoomEvent[];
  differs(a: Profile, b: Profile, ctx: RuleContext): boolean;
  /** The runs show the switch at work (a timeout, a frozen-object error...). */
  evident(ctx: RuleContext): boolean;
  /** The rule in plain words, for the given profiles. */
  describe(profiles: Profile[], ctx: RuleContext): string;
}

const ALL: readonly DifferenceKind[] = ['outcome', 'error', 'room', 'calls'];
const CHAIN_EVENTS: readonly RoomEvent[] = ['IPreRoomCreateExtend', 'IPreRoomCreateModify'];
/** Events whose argument list some profile changes. */
const ARG_EVENTS: readonly RoomEvent[] = ['IPostRoomDeleted', 'IPreRoomUserJoined', 'IPreRoomUserLeave'];
const FROZEN_ERROR = /read[ -]only|not extensible|Cannot (assign|add|delete|define)/i;

const ms = (n: number) => `${n.toLocaleString('en-US').replace(/,/g, ' ')} ms`;
const per = (profiles: Profile[], text: (p: Profile) => string) => profiles.map((p) => `${p.id}: ${text(p)}`).join('; ');
const calls = (ctx: RuleContext) => ctx.runs.flatMap((r) => r.calls);
const configured = (p: Profile, ctx: RuleContext) => ctx.runs.find((r) => r.profile === p.id)?.timeoutMs ?? p.timeoutMs;

function methodsOf(events: readonly RoomEvent[]): string[] {
  return events.flatMap((e) => [EVENT_SPECS[e].check, EVENT_SPECS[e].execute].filter((m): m is string => m !== undefined));
}

function overridesFor(p: Profile, events: readonly RoomEvent[]): string {
  return JSON.stringify(events.map((e) => p.argOverrides[e] ?? null));
}

export const SWITCH_RULES: readonly SwitchRule[] = [
  {
    id: 'timeout',
    explains: ALL,
    events: ROOM_EVENTS,
    differs: (a, b, ctx) => {
      const methods = methodsOf(ctx.events);
      return methods.some((m) => timeoutFor(a, m, configured(a, ctx)) !== timeoutFor(b, m, configured(b, ctx)));
    },
    evident: (ctx) => calls(ctx).some((c) => c.status === 'timed-out'),
    describe: (profiles, ctx) =>
      `Timeout per call (spec §8): ${per(profiles, (p) => {
        const overrides = p.timeoutOverrides.filter((o) => o.ms < configured(p, ctx));
        const extra = overrides.length
          ? `, ${ms(Math.min(...overrides.map((o) => o.ms)))} for methods starting ${overrides.map((o) => o.prefix).join(' / ')}`
          : '';
        return `${ms(configured(p, ctx))}${extra}${p.runtime === 'node-vm' ? ' (in Rocket.Chat: synchronous time in node vm)' : ''}`;
      })}. A call that times out resolves to undefined on the host.`,
  },
  {
    id: 'modifyApplied',
    explains: ['room'],
    events: ['IPreRoomCreateModify'],
    differs: (a, b) => a.modifyApplied !== b.modifyApplied,
    evident: (ctx) => ctx.events.includes('IPreRoomCreateModify'),
    describe: (profiles) =>
      `What the host applies after Modify (spec §8): ${per(profiles, (p) =>
        p.modifyApplied === 'original'
          ? "the room that went INTO Modify (Extend's output): every Modify change is discarded (RC #35342, fixed in Apps-Engine 1.50)"
          : 'the room Modify produced (its mapped fields, spec §6)',
      )}.`,
  },
  {
    id: 'chain',
    explains: ALL,
    events: CHAIN_EVENTS,
    differs: (a, b) => a.chain !== b.chain,
    evident: (ctx) => ctx.events.some((e) => CHAIN_EVENTS.includes(e)),
    describe: (profiles) =>
      `How Extend/Modify changes travel (spec §8): ${per(profiles, (p) =>
        p.chain === 'in-place'
          ? "every app gets the frozen original; extenders and builders change the host's room in place, Extend's return value is ignored and Modify's builder wraps the previous app's result"
          : "each app's returned room replaces the room for the next app; returning nothing, an error or a timeout breaks the chain and no Extend/Modify change is applied",
      )}.`,
  },
  {
    id: 'freezeInputs',
    explains: ALL,
    events: ROOM_EVENTS,
    differs: (a, b) => a.freezeInputs !== b.freezeInputs,
    evident: (ctx) => calls(ctx).some((c) => c.error !== undefined && FROZEN_ERROR.test(c.error)),
    describe: (profiles) =>
      `Inputs (spec §8): ${per(profiles, (p) =>
        p.freezeInputs
          ? 'arguments are deep-frozen: writing into one throws a TypeError (strict mode)'
          : 'each app gets its own mutable copy: writing into an argument changes nothing elsewhere',
      )}.`,
  },
  {
    id: 'callOnlyIfMethodExists',
    explains: ALL,
    events: ROOM_EVENTS,
    differs: (a, b) => a.callOnlyIfMethodExists !== b.callOnlyIfMethodExists,
    evident: (ctx) => calls(ctx).some((c) => c.status === 'not-found' || c.status === 'skipped:method-missing'),
    describe: (profiles) =>
      `Missing execute method (spec §8): ${per(profiles, (p) =>
        p.callOnlyIfMethodExists
          ? 'the host checks that the method exists and simply does not call it'
          : 'an interface listed in `implements` without its execute method gives "method not found", which escapes the loop',
      )}.`,
  },
  {
    id: 'argOverrides',
    explains: ALL,
    events: ARG_EVENTS,
    differs: (a, b, ctx) => overridesFor(a, ctx.events) !== overridesFor(b, ctx.events),
    evident: (ctx) => ctx.events.some((e) => ARG_EVENTS.includes(e)),
    describe: (profiles, ctx) =>
      `Argument lists (spec §8): ${per(profiles, (p) => {
        const changed = ctx.events.filter((e) => p.argOverrides[e]);
        return changed.length
          ? changed.map((e) => `${EVENT_SPECS[e].execute}(${(p.argOverrides[e] ?? []).join(', ')})`).join(', ') + ': no `modify`'
          : 'the current lists, `modify` included (spec §1)';
      })}.`,
  },
];
