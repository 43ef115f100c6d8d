import { describe, expect, it } from 'vitest';
import { guardCall, report, step } from '../cli/reporters/test-fixture.ts';
import { hookscopeMatchers } from './matchers.ts';

const prevented = step({
  outcome: 'prevented',
  error: { code: 'error-app-prevented', message: 'prevented' } as never,
  summary: 'Guard prevented it',
  calls: [guardCall],
});
const created = step({
  step: 1,
  room: { slugifiedName: 'book-club', creator: 'alice', customFields: { tier: 'gold' } },
  messages: [{ room: 'book-club', sender: 'welcome.bot', text: 'Welcome to book-club!' }] as never,
});
const run = report([prevented, created]);
const m = hookscopeMatchers;

describe('hookscope matchers', () => {
  it('outcome matchers take a step or a run (then its last step), optionally an error code', () => {
    expect(m.toBePrevented.call({}, prevented).pass).toBe(true);
    expect(m.toBePrevented.call({}, prevented, 'error-app-prevented').pass).toBe(true);
    expect(m.toBePrevented.call({}, prevented, 'error-other').pass).toBe(false);
    expect(m.toBeCompleted.call({}, run).pass).toBe(true);
    expect(m.toBePrevented.call({}, run).pass).toBe(false);
    expect(m.toHaveFailed.call({}, run).pass).toBe(false);
  });
  it('a failed outcome matcher says what happened instead', () => {
    expect(m.toBePrevented.call({}, run).message()).toBe('expected the step to be prevented; step 1 (createRoom) completed: the room was created');
    expect(m.toBePrevented.call({ isNot: true }, prevented, 'error-app-prevented').message()).toBe(
      'expected the step not to be prevented with error-app-prevented; step 0 (createRoom) prevented with error-app-prevented: Guard prevented it',
    );
  });
  it('toHaveCalled: by app id or name, method and status (default returned); lists the calls made', () => {
    expect(m.toHaveCalled.call({}, prevented, 'Guard', 'executePreRoomCreatePrevent').pass).toBe(true);
    expect(m.toHaveCalled.call({}, prevented, 'guard-id', 'executePreRoomCreatePrevent').pass).toBe(true);
    expect(m.toHaveCalled.call({}, prevented, 'Guard', 'executePreRoomCreatePrevent', 'threw').pass).toBe(false);
    const missing = m.toHaveCalled.call({}, prevented, 'Welcome', 'executePostRoomCreate');
    expect(missing.pass).toBe(false);
    expect(missing.message()).toBe('expected Welcome.executePostRoomCreate to have been called (returned); calls: Guard.executePreRoomCreatePrevent returned');
    expect(m.toHaveCalled.call({}, created, 'Guard', 'x').message()).toContain('calls: no handler was called');
  });
  it('toHaveCommittedRoom: a partial, nested match; says when no room was committed', () => {
    expect(m.toHaveCommittedRoom.call({}, run, { slugifiedName: 'book-club' }).pass).toBe(true);
    expect(m.toHaveCommittedRoom.call({}, run, { customFields: { tier: 'gold' } }).pass).toBe(true);
    expect(m.toHaveCommittedRoom.call({}, run, { creator: 'bob' }).pass).toBe(false);
    expect(m.toHaveCommittedRoom.call({}, run, { creator: 'bob' }).message()).toContain('"creator":"alice"');
    const none = m.toHaveCommittedRoom.call({}, prevented, {});
    expect(none.pass).toBe(false);
    expect(none.message()).toBe('expected a committed room {}, but none was: step 0 (createRoom) prevented with error-app-prevented: Guard prevented it');
  });
  it('toHavePostedMessage: fields match exactly except text, a substring', () => {
    expect(m.toHavePostedMessage.call({}, run, { text: 'Welcome to' }).pass).toBe(true);
    expect(m.toHavePostedMessage.call({}, run, { sender: 'welcome.bot', room: 'book-club' }).pass).toBe(true);
    expect(m.toHavePostedMessage.call({}, run, { sender: 'welcome' }).pass).toBe(false);
    expect(m.toHavePostedMessage.call({}, prevented, { text: 'Welcome' }).message()).toBe('expected a message like {"text":"Welcome"}; posted: []');
  });
  it('refuses what is not a report, and a run without steps', () => {
    expect(() => m.toBeCompleted.call({}, { nope: 1 })).toThrow(/toBeCompleted: expected what runScenario\(\) returns \(or one of its steps\), got object/);
    expect(() => m.toBeCompleted.call({}, report([]))).toThrow('toBeCompleted: the run has no steps');
  });
  it('works through expect.extend, .not included', () => {
    expect.extend(hookscopeMatchers);
    const e = expect as unknown as (v: unknown) => { toBePrevented(c?: string): void; not: { toBeCompleted(): void } };
    e(prevented).toBePrevented('error-app-prevented');
    e(prevented).not.toBeCompleted();
    expect(() => e(run).toBePrevented()).toThrow(/expected the step to be prevented; step 1 \(createRoom\) completed/);
  });
});
