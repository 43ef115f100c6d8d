/**
 * Contract hints: places in an app's main class file where the code will not behave as its
 * author likely thinks, according to how Rocket.Chat really runs room events (spec sections 2,
 * 4, 6). Pure (no DOM); the editor shows them as markers.
 *
 * Scanner-level: it reads the class structure (source-scan.ts), not types. What it sees:
 * methods and function-valued properties of the app class (the class that `extends App`, else the
 * first exported class) and of base classes found in the given files; parameters by name and
 * annotation; `return` statements of a body outside nested functions. What it does not see:
 * methods added at run time or via mixins, calls through aliases (`const b = builder`), values
 * computed elsewhere (a helper that returns nothing), fields set through `Object.assign` or
 * spreads of other objects.
 */
import { EVENT_SPECS, ROOM_EVENTS, eventOfMethod, type RoomEvent } from '../engine/events.ts';
import { findImplementsClauses, implementedInterfaces, isAppInterface } from '../engine/apps/implements.ts';
import { RULES, type HintCode } from './contract-rules.ts';
import { blank, findClasses, matchBracket, ownReturns, positionAt, type ClassInfo, type Member, type Range } from './source-scan.ts';

export type { HintCode } from './contract-rules.ts';

export interface ContractHint {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'warning' | 'info';
  code: HintCode;
  message: string;
  /** The rule in plain words, with its spec section. */
  rule: string;
}

const NO_EFFECT_EXTENDER = ['addMember'];
const NO_EFFECT_BUILDER = ['addUsername', 'setUsernames', 'addMemberToBeAddedByUsername', 'setMembersToBeAddedByUsernames'];
const DROPPED_FIELDS = 'description|teamId|isTeamMain';
const BOOLEANISH = /^(?:true|false)$|^!|^Boolean\s*\(|===|!==|==|!=|<=|>=|&&|\|\||\s[<>]\s|\.(?:includes|some|every|has|startsWith|endsWith|test)\s*\(/;
const NOTHING = /^(?:|undefined|null|void\b.*)$/;

interface Ctx {
  source: string;
  text: string;
  pos: (offset: number) => { line: number; column: number };
  out: ContractHint[];
}

function push(ctx: Ctx, range: Range, code: HintCode, message: string, severity: 'warning' | 'info' = 'warning'): void {
  const a = ctx.pos(range.start);
  const b = ctx.pos(range.end);
  ctx.out.push({ line: a.line, column: a.column, endLine: b.line, endColumn: b.column, severity, code, message, rule: RULES[code] });
}

const nameRange = (m: Member): Range => ({ start: m.offset, end: m.offset + m.name.length });

/** The class Rocket.Chat instantiates: the one extending `App`, else the first exported, else the first. */
function pickAppClass(classes: ClassInfo[]): ClassInfo | undefined {
  return classes.find((c) => c.extendsName === 'App') ?? classes.find((c) => c.exported) ?? classes[0];
}

/** Member names of a class including local / other-file base classes; null if a base is unknown. */
function allMemberNames(cls: ClassInfo, pool: ClassInfo[], seen = new Set<ClassInfo>()): Set<string> | null {
  const names = new Set(cls.members.map((m) => m.name));
  if (cls.extendsName === null || cls.extendsName === 'App') return names;
  const base = pool.find((c) => c.name === cls.extendsName);
  if (!base || seen.has(base)) return null;
  seen.add(cls);
  const inherited = allMemberNames(base, pool, seen);
  if (!inherited) return null;
  for (const n of inherited) names.add(n);
  return names;
}

export interface HintInput {
  /** Source of the app's main class file. */
  source: string;
  /** The app's other files (relative path -> source), used to find base classes. */
  files?: Record<string, string>;
}

export function contractHints(input: HintInput | string): ContractHint[] {
  const { source, files = {} } = typeof input === 'string' ? { source: input } : input;
  const text = blank(source);
  const ctx: Ctx = { source, text, pos: positionAt(source), out: [] };
  const classes = findClasses(text);
  const app = pickAppClass(classes);
  if (!app) return [];
  const implemented = new Set(implementedInterfaces(source));
  checkImplementsEntries(ctx, classes, app, files);
  for (const member of app.members) checkMember(ctx, member, implemented);
  return ctx.out.sort((x, y) => x.line - y.line || x.column - y.column);
}

function checkImplementsEntries(ctx: Ctx, classes: ClassInfo[], app: ClassInfo, files: Record<string, string>): void {
  const others = Object.values(files)
    .filter((f) => f !== ctx.source)
    .flatMap((f) => findClasses(blank(f)));
  const methods = allMemberNames(app, [...classes, ...others]);
  const clauses = findImplementsClauses(ctx.source);
  classes.forEach((cls, i) => {
    const clause = clauses[i];
    if (!clause) return;
    const header = ctx.text.slice(cls.header.start, cls.header.end);
    const implAt = header.search(/\bimplements\b/);
    if (implAt < 0) return;
    for (const entry of clause.entries) {
      const local = header.indexOf(entry.text.split(' ')[0] ?? entry.text, implAt);
      const range = { start: cls.header.start + Math.max(local, implAt), end: cls.header.start + Math.max(local, implAt) + entry.text.length };
      const plain = entry.text.split('.').pop() ?? entry.text;
      if (!entry.valid && entry.text.includes('.') && isAppInterface(plain)) {
        push(ctx, range, 'qualified-implements', `\`${entry.text}\` is not recognised by the apps compiler: write \`${plain}\` (imported by name) so the app is registered for it.`);
        continue;
      }
      if (!entry.valid || !(ROOM_EVENTS as readonly string[]).includes(entry.text)) continue;
      const execute = EVENT_SPECS[entry.text as RoomEvent].execute;
      if (methods && !methods.has(execute)) {
        push(ctx, range, 'missing-execute', `\`${entry.text}\` is listed but \`${app.name}\` has no \`${execute}\`: the call fails with "method not found" and the action fails.`);
      }
    }
  });
}

function checkMember(ctx: Ctx, member: Member, implemented: Set<string>): void {
  if (/^check(?:Pre|Post)RoomUser(?:Joined|Leave)$/.test(member.name)) {
    push(ctx, nameRange(member), 'no-membership-check', `\`${member.name}\` is never called: join and leave events have no check method.`);
  }
  const event = eventOfMethod(member.name);
  if (event && !implemented.has(event)) {
    push(ctx, nameRange(member), 'never-called', `\`${member.name}\` is never called: add \`${event}\` to the class's \`implements\` clause.`);
  }
  checkNoEffectCalls(ctx, member);
  if (!member.body) return;
  if (member.name === 'executePreRoomUserJoined' || member.name === 'executePreRoomUserLeave') checkPreMembershipReturn(ctx, member);
  if (member.name === 'executePreRoomCreateExtend' || member.name === 'executePreRoomCreateModify') {
    checkChainReturn(ctx, member);
    checkDroppedFields(ctx, member);
  }
}

function checkNoEffectCalls(ctx: Ctx, member: Member): void {
  if (!member.body) return;
  const second = member.params[1]?.name;
  const extenders = member.params.filter((p) => /^IRoomExtender\b/.test(p.type)).map((p) => p.name);
  const builders = member.params.filter((p) => /^IRoomBuilder\b/.test(p.type)).map((p) => p.name);
  if (member.name === 'executePreRoomCreateExtend' && second) extenders.push(second);
  if (member.name === 'executePreRoomCreateModify' && second) builders.push(second);
  const bodyStart = member.body.start;
  const body = ctx.text.slice(bodyStart, member.body.end);
  const scan = (re: RegExp, kind: string) => {
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const method = m[2] ?? '';
      const at = bodyStart + m.index + m[0].lastIndexOf(method);
      push(ctx, { start: at, end: at + method.length }, 'no-effect-call', `\`${kind}.${method}()\` has no effect: Rocket.Chat never reads the list it fills, so no member is added.`);
    }
  };
  if (extenders.length) scan(new RegExp(`(?<![\\w$.])(${extenders.join('|')})\\s*\\.\\s*(${NO_EFFECT_EXTENDER.join('|')})\\s*\\(`, 'g'), 'IRoomExtender');
  if (builders.length) {
    scan(new RegExp(`(?<![\\w$.])(${builders.join('|')})\\s*\\.\\s*(${NO_EFFECT_BUILDER.join('|')})\\s*\\(`, 'g'), 'IRoomBuilder');
    scan(new RegExp(`(\\))\\s*\\.\\s*(${NO_EFFECT_BUILDER.join('|')})\\s*\\(`, 'g'), 'IRoomBuilder');
  }
}

function checkPreMembershipReturn(ctx: Ctx, member: Member): void {
  const body = member.body!;
  const returns = member.expressionBody
    ? [{ offset: body.start, end: body.end, expression: ctx.source.slice(body.start, body.end).trim() }]
    : ownReturns(ctx.text, ctx.source, body);
  for (const r of returns) {
    if (!BOOLEANISH.test(r.expression)) continue;
    push(ctx, { start: r.offset, end: r.end }, 'pre-membership-return', `Returning \`${shorten(r.expression)}\` does nothing: to block the user, throw an AppsEngineException such as \`new UserNotAllowedException('...')\`.`);
  }
}

function checkChainReturn(ctx: Ctx, member: Member): void {
  if (member.expressionBody) return;
  const returns = ownReturns(ctx.text, ctx.source, member.body!);
  const empty = returns.filter((r) => NOTHING.test(r.expression));
  if (returns.length === empty.length) {
    push(ctx, nameRange(member), 'chain-no-return', `\`${member.name}\` never returns a room: the Extend/Modify chain breaks and no app's Extend or Modify change is applied.`);
    return;
  }
  for (const r of empty) {
    push(ctx, { start: r.offset, end: r.end }, 'chain-no-return', `This path returns ${r.expression || 'nothing'}: the Extend/Modify chain breaks and no app's Extend or Modify change is applied.`);
  }
}

function checkDroppedFields(ctx: Ctx, member: Member): void {
  const start = member.body!.start;
  const body = ctx.text.slice(start, member.body!.end);
  const hit = (offset: number, field: string, how: string) =>
    push(ctx, { start: offset, end: offset + field.length }, 'dropped-field', `${how} \`${field}\` has no effect: Rocket.Chat does not copy it back to the room after Extend/Modify.`);
  const assign = new RegExp(`\\.\\s*(${DROPPED_FIELDS})\\s*=(?![=>])`, 'g');
  for (let m = assign.exec(body); m; m = assign.exec(body)) hit(start + m.index + m[0].indexOf(m[1] ?? ''), m[1] ?? '', 'Setting');
  const setData = /\.\s*setData\s*\(/g;
  for (let m = setData.exec(body); m; m = setData.exec(body)) {
    const open = start + m.index + m[0].length - 1;
    const close = matchBracket(ctx.text, open);
    const args = ctx.text.slice(open, close);
    const key = new RegExp(`(?<![\\w$.])(${DROPPED_FIELDS})\\s*:`, 'g');
    for (let k = key.exec(args); k; k = key.exec(args)) {
      if (braceDepth(args, k.index) === 1) hit(open + k.index, k[1] ?? '', 'Passing');
    }
  }
}

/** Depth of {} nesting at `at` (1 = directly inside the object literal passed to setData). */
function braceDepth(text: string, at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') depth--;
  }
  return depth;
}

function shorten(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}
