import { describe, expect, it } from 'vitest';
import { paintFor, plain } from '../color.ts';
import { decisiveCall } from './decisive.ts';
import { guardCall, report, step, summary } from './test-fixture.ts';
import { jsonReporter } from './json.ts';
import { junitReporter } from './junit.ts';
import { prettyReporter } from './pretty.ts';
import { tapReporter } from './tap.ts';

describe('decisiveCall', () => {
  it('names the handler that prevented, none for a completed step, a throwing one otherwise', () => {
    expect(decisiveCall(step({ outcome: 'prevented', calls: [{ ...guardCall, effect: 'nothing', method: 'checkPreRoomCreatePrevent' }, guardCall] }))).toBe(
      guardCall,
    );
    expect(decisiveCall(step({ calls: [guardCall] }))).toBeNull();
    const { effect: _effect, ...noEffect } = guardCall;
    const threw = { ...noEffect, status: 'threw' as const };
    expect(decisiveCall(step({ outcome: 'failed', calls: [threw] }))).toBe(threw);
  });
});

describe('pretty reporter', () => {
  const text = prettyReporter(plain)(summary);
  it('one line per step with outcome, the deciding handler and the why; mismatches under the step', () => {
    expect(text.split('\n')).toEqual([
      '✓ ok.json (profile rc-8.8, 1 app)',
      '  ✓ 0 createRoom prevented by Guard.executePreRoomCreatePrevent · Guard prevented it',
      '  ✓ 1 createRoom completed · the room <b&c> was created',
      '✗ bad.json (profile rc-8.8, 1 app)',
      '    app broken did not load: SyntaxError: Unexpected token (2:1)',
      '  ✗ 0 createRoom completed · the room was created',
      '      expected outcome prevented; got completed',
      '✗ gone.json',
      '    cannot read gone.json: ENOENT',
      'failed: 2 of 3 files, 1 step did not match',
    ]);
  });
  it('counts a passing run', () => {
    expect(
      prettyReporter(plain)({ passed: true, files: [summary.files[0]!] })
        .split('\n')
        .at(-1),
    ).toBe('passed: 1 file, 2 steps');
  });
  it('colours only on a TTY and never with NO_COLOR or TERM=dumb', () => {
    expect(prettyReporter(paintFor(true, {}))(summary)).toContain('\u001b[32m✓\u001b[39m');
    for (const env of [{ NO_COLOR: '1' }, { TERM: 'dumb' }]) expect(prettyReporter(paintFor(true, env))(summary)).not.toContain('\u001b[');
    expect(prettyReporter(paintFor(false, {}))(summary)).not.toContain('\u001b[');
  });
});

describe('tap reporter', () => {
  it('a test point per step and per app that did not load, YAML failures, the plan last', () => {
    expect(tapReporter(summary).split('\n')).toEqual([
      'TAP version 13',
      'ok 1 - ok.json: step 0 createRoom prevented by Guard.executePreRoomCreatePrevent',
      'ok 2 - ok.json: step 1 createRoom completed',
      'not ok 3 - bad.json: app broken loads',
      '  ---',
      '  failures:',
      '    - "did not load: SyntaxError: Unexpected token (2:1)"',
      '  ...',
      'not ok 4 - bad.json: step 0 createRoom completed',
      '  ---',
      '  failures:',
      '    - "expected outcome prevented; got completed"',
      '  ...',
      'not ok 5 - gone.json: not a scenario that can run',
      '  ---',
      '  failures:',
      '    - "cannot read gone.json: ENOENT"',
      '  ...',
      '1..5',
    ]);
  });
});

describe('junit reporter', () => {
  const xml = junitReporter(summary);
  it('totals, a suite per file, a case per step, escaped text', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="hookscope" tests="5" failures="2" errors="1">/);
    expect(xml).toContain('<testsuite name="ok.json" tests="2" failures="0" errors="0" time="1.500">');
    expect(xml).toContain('name="step 0 createRoom: prevented by Guard.executePreRoomCreatePrevent"');
    expect(xml).toContain('<system-out>the room &lt;b&amp;c&gt; was created</system-out>');
    expect(xml).toContain(
      '<testcase classname="bad.json" name="app broken loads" time="0"><failure message="did not load: SyntaxError: Unexpected token (2:1)"/></testcase>',
    );
    expect(xml).toContain('<failure message="expected outcome prevented; got completed">');
    expect(xml).toContain('<testsuite name="gone.json" tests="1" failures="0" errors="1"');
    expect(xml).toContain('<error message="cannot read gone.json: ENOENT">');
    expect(xml.trimEnd().endsWith('</testsuites>')).toBe(true);
  });
  it('drops characters XML 1.0 cannot hold', () => {
    const withControl = {
      passed: true,
      files: [{ file: 'x.json', kind: 'ran' as const, durationMs: 0, report: report([step({ summary: 'bell\u0007 here' })]) }],
    };
    expect(junitReporter(withControl)).toContain('<system-out>bell here</system-out>');
  });
});

describe('json reporter', () => {
  it('one file named as it is: its report alone', () => {
    const only = summary.files[0]!;
    expect(JSON.parse(jsonReporter({ passed: true, files: [only] }, true))).toEqual(only.kind === 'ran' ? JSON.parse(JSON.stringify(only.report)) : null);
  });
  it('several files: passed and an entry per file, problems for the unreadable one', () => {
    const out = JSON.parse(jsonReporter(summary, false)) as { passed: boolean; files: { file: string; passed: boolean; problems?: string[] }[] };
    expect(out.passed).toBe(false);
    expect(out.files.map((f) => [f.file, f.passed])).toEqual([
      ['ok.json', true],
      ['bad.json', false],
      ['gone.json', false],
    ]);
    expect(out.files[2]!.problems).toEqual(['cannot read gone.json: ENOENT']);
  });
});
