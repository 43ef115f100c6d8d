/**
 * Contract hints: places in an app's main class file where the code will not behave as its
 * author likely thinks, according to how Rocket.Chat really runs room events (spec sections 2,
 * 4, 6). Pure (no DOM); the editor shows them as markers.
 *
 * Read from the syntax tree (one real parse, shared with `implements` and the import scan; see
 * source-scan.ts), not from types. What it sees: methods and function-valued properties of the
 * app class (the class that `extends App`, else the first exported class) and of base classes
 * found in the given files; parameters by name and annotation; `return` statements of a body
 * outside nested functions. What it does not see: methods added at run time or via mixins, calls
 * through aliases (`const b = builder`), values computed elsewhere (a helper that returns nothing),
 * fields set through `Object.assign` or spreads of other objects.
 */
import { EVENT_SPECS, ROOM_EVENTS, eventOfMethod, type RoomEvent } from '../engine/events.ts';
import { findImplementsClauses, implementedInterfaces, isAppInterface } from '../engine/apps/implements.ts';
import { keyName, type Ast } from '../engine/apps/parse-source.ts';
import { RULES, type HintCode } from './contract-rules.ts';
import { findClasses, nodesOf, ownReturns, positionAt, type ClassInfo, type Member, type Range } from './source-scan.ts';

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

const NO_EFFECT_EXTENDER = new Set(['addMember']);
const NO_EFFECT_BUILDER = new Set(['addUsername', 'setUsernames', 'addMemberToBeAddedByUsername', 'setMembersToBeAddedByUsernames']);
const DROPPED_FIELDS = new Set(['description', 'teamId', 'isTeamMain']);
const COMPARISONS = new Set(['===', '!==', '==', '!=', '<', '>', '<=', '>=', 'instanceof', 'in']);
const BOOLEAN_METHODS = new Set(['includes', 'some', 'every', 'has', 'startsWith', 'endsWith', 'test']);

interface Ctx {
  source: string;
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
  const ctx: Ctx = { source, pos: positionAt(source), out: [] };
  const classes = findClasses(source);
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
    .flatMap((f) => findClasses(f));
  const methods = allMemberNames(app, [...classes, ...others]);
  for (const clause of findImplementsClauses(ctx.source)) {
    for (const entry of clause.entries) {
      const range = { start: entry.start, end: entry.end };
      const plain = entry.text.split('.').pop() ?? entry.text;
      if (!entry.valid && entry.text.includes('.') && isAppInterface(plain)) {
        push(
          ctx,
          range,
          'qualified-implements',
          `\`${entry.text}\` is not recognised by the apps compiler: write \`${plain}\` (imported by name) so the app is registered for it.`,
        );
        continue;
      }
      if (!entry.valid || !(ROOM_EVENTS as readonly string[]).includes(entry.text)) continue;
      const execute = EVENT_SPECS[entry.text as RoomEvent].execute;
      if (methods && !methods.has(execute)) {
        push(
          ctx,
          range,
          'missing-execute',
          `\`${entry.text}\` is listed but \`${app.name}\` has no \`${execute}\`: the call fails with "method not found" and the action fails.`,
        );
      }
    }
  }
}

function checkMember(ctx: Ctx, member: Member, implemented: Set<string>): void {
  if (/^check(?:Pre|Post)RoomUser(?:Joined|Leave)$/.test(member.name)) {
    push(ctx, nameRange(member), 'no-membership-check', `\`${member.name}\` is never called: join and leave events have no check method.`);
  }
  const event = eventOfMethod(member.name);
  if (event && !implemented.has(event)) {
    push(ctx, nameRange(member), 'never-called', `\`${member.name}\` is never called: add \`${event}\` to the class's \`implements\` clause.`);
  }
  const fn = member.fn;
  if (!fn) return;
  checkNoEffectCalls(ctx, member, fn);
  if (member.name === 'executePreRoomUserJoined' || member.name === 'executePreRoomUserLeave') checkPreMembershipReturn(ctx, member, fn);
  if (member.name === 'executePreRoomCreateExtend' || member.name === 'executePreRoomCreateModify') {
    checkChainReturn(ctx, member, fn);
    checkDroppedFields(ctx, fn);
  }
  if (member.name === 'executePreRoomCreateModify') checkSetDataAfterChanges(ctx, member, fn);
}

const range = (node: Ast.Node): Range => ({ start: node.start ?? 0, end: node.end ?? 0 });

/** The property name of a member access (`a.b`, `a['b']`), or null. */
function propertyName(node: Ast.Node): string | null {
  if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return null;
  return keyName(node.property, node.computed && node.property.type !== 'StringLiteral');
}

/** Peels `await`, parentheses, `as`, `!` and `satisfies` off an expression. */
function unwrap(node: Ast.Node): Ast.Node {
  for (;;) {
    if (
      node.type === 'AwaitExpression' ||
      node.type === 'ParenthesizedExpression' ||
      node.type === 'TSAsExpression' ||
      node.type === 'TSNonNullExpression' ||
      node.type === 'TSSatisfiesExpression' ||
      node.type === 'TSTypeAssertion'
    )
      node = node.type === 'AwaitExpression' ? node.argument : node.expression;
    else return node;
  }
}

/** The identifier a call chain starts from: `b` in `b.setReadOnly(true).addUsername(...)`. */
function chainRoot(node: Ast.Node): Ast.Node {
  let n = unwrap(node);
  for (;;) {
    if (n.type === 'CallExpression' || n.type === 'OptionalCallExpression') n = unwrap(n.callee);
    else if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') n = unwrap(n.object);
    else return n;
  }
}

function checkNoEffectCalls(ctx: Ctx, member: Member, fn: Ast.Function): void {
  const second = member.params[1]?.name;
  const extenders = new Set(member.params.filter((p) => p.typeName === 'IRoomExtender').map((p) => p.name));
  const builders = new Set(member.params.filter((p) => p.typeName === 'IRoomBuilder').map((p) => p.name));
  if (member.name === 'executePreRoomCreateExtend' && second) extenders.add(second);
  if (member.name === 'executePreRoomCreateModify' && second) builders.add(second);
  if (extenders.size === 0 && builders.size === 0) return;
  methodCalls(fn, (root, method, property) => {
    const kind =
      extenders.has(root) && NO_EFFECT_EXTENDER.has(method) ? 'IRoomExtender' : builders.has(root) && NO_EFFECT_BUILDER.has(method) ? 'IRoomBuilder' : null;
    if (!kind) return;
    push(ctx, range(property), 'no-effect-call', `\`${kind}.${method}()\` has no effect: Rocket.Chat never reads the list it fills, so no member is added.`);
  });
}

/** Each call of a method on a variable in `fn` (`x.m()`, `x.a.b?.m()`): the variable's name, the method's and its property node. */
function methodCalls(fn: Ast.Function, visit: (root: string, method: string, property: Ast.Node) => void): void {
  nodesOf(fn, (node) => {
    if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return;
    const callee = unwrap(node.callee);
    const method = propertyName(callee);
    if (method === null || (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression')) return;
    const root = chainRoot(callee.object);
    if (root.type === 'Identifier') visit(root.name, method, callee.property);
  });
}

/** A returned expression that is plainly a boolean (a literal, a negation, a comparison, `.includes(...)`...). */
function isBooleanish(expr: Ast.Node): boolean {
  const e = unwrap(expr);
  switch (e.type) {
    case 'BooleanLiteral':
      return true;
    case 'UnaryExpression':
      return e.operator === '!';
    case 'BinaryExpression':
      return COMPARISONS.has(e.operator);
    case 'LogicalExpression':
      return e.operator === '&&' || e.operator === '||';
    case 'CallExpression':
    case 'OptionalCallExpression': {
      const callee = unwrap(e.callee);
      if (callee.type === 'Identifier') return callee.name === 'Boolean';
      const name = propertyName(callee);
      return name !== null && BOOLEAN_METHODS.has(name);
    }
    default:
      return false;
  }
}

/** `return`, `return undefined`, `return null`, `return void x`. */
function returnsNothing(expr: Ast.Expression | null): boolean {
  if (expr === null) return true;
  const e = unwrap(expr);
  return e.type === 'NullLiteral' || (e.type === 'Identifier' && e.name === 'undefined') || (e.type === 'UnaryExpression' && e.operator === 'void');
}

const returnEnd = (ctx: Ctx, r: Ast.ReturnStatement): number => {
  const end = r.end ?? 0;
  return ctx.source[end - 1] === ';' ? end - 1 : end;
};

function checkPreMembershipReturn(ctx: Ctx, member: Member, fn: Ast.Function): void {
  const returns: { node: Ast.Node; expr: Ast.Node; end: number }[] = member.expressionBody
    ? [{ node: fn.body, expr: fn.body, end: fn.body.end ?? 0 }]
    : ownReturns(fn).flatMap((r) => (r.argument ? [{ node: r.node as Ast.Node, expr: r.argument as Ast.Node, end: returnEnd(ctx, r.node) }] : []));
  for (const r of returns) {
    if (!isBooleanish(r.expr)) continue;
    push(
      ctx,
      { start: r.node.start ?? 0, end: r.end },
      'pre-membership-return',
      `Returning \`${shorten(ctx.source.slice(r.expr.start ?? 0, r.expr.end ?? 0))}\` does nothing: to block the user, throw an AppsEngineException such as \`new UserNotAllowedException('...')\`.`,
    );
  }
}

function checkChainReturn(ctx: Ctx, member: Member, fn: Ast.Function): void {
  if (member.expressionBody) return;
  const returns = ownReturns(fn);
  const empty = returns.filter((r) => returnsNothing(r.argument));
  if (returns.length === empty.length) {
    push(
      ctx,
      nameRange(member),
      'chain-no-return',
      `\`${member.name}\` never returns a room: the Extend/Modify chain breaks and no app's Extend or Modify change is applied.`,
    );
    return;
  }
  for (const r of empty) {
    const what = r.argument ? ctx.source.slice(r.argument.start ?? 0, r.argument.end ?? 0) : 'nothing';
    push(
      ctx,
      { start: r.node.start ?? 0, end: returnEnd(ctx, r.node) },
      'chain-no-return',
      `This path returns ${what}: the Extend/Modify chain breaks and no app's Extend or Modify change is applied.`,
    );
  }
}

function checkDroppedFields(ctx: Ctx, fn: Ast.Function): void {
  const hit = (key: Ast.Node, field: string, how: string) =>
    push(ctx, range(key), 'dropped-field', `${how} \`${field}\` has no effect: Rocket.Chat does not copy it back to the room after Extend/Modify.`);
  nodesOf(fn, (node) => {
    if (node.type === 'AssignmentExpression' && node.operator === '=') {
      const field = propertyName(node.left);
      if (field !== null && DROPPED_FIELDS.has(field) && (node.left.type === 'MemberExpression' || node.left.type === 'OptionalMemberExpression'))
        hit(node.left.property, field, 'Setting');
      return;
    }
    if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return;
    if (propertyName(unwrap(node.callee)) !== 'setData') return;
    const arg = node.arguments[0];
    if (!arg || arg.type !== 'ObjectExpression') return;
    for (const prop of arg.properties) {
      if (prop.type !== 'ObjectProperty') continue;
      const field = keyName(prop.key, prop.computed);
      if (field !== null && DROPPED_FIELDS.has(field)) hit(prop.key, field, 'Passing');
    }
  });
}

/** Builder methods that read, not change, the room. */
const BUILDER_READS = /^(get|is)[A-Z]/;

/**
 * `builder.setData({...})` after other builder calls (in source order): setData replaces the
 * builder's room, so the earlier changes are lost (spec §6, Apps-Engine RoomBuilder.setData).
 */
function checkSetDataAfterChanges(ctx: Ctx, member: Member, fn: Ast.Function): void {
  const builders = new Set(member.params.filter((p) => p.typeName === 'IRoomBuilder').map((p) => p.name));
  const second = member.params[1]?.name;
  if (second) builders.add(second);
  const calls: { method: string; at: number; property: Ast.Node }[] = [];
  methodCalls(fn, (root, method, property) => {
    if (builders.has(root)) calls.push({ method, at: property.start ?? 0, property });
  });
  calls.sort((a, b) => a.at - b.at);
  const before: string[] = [];
  for (const call of calls) {
    if (call.method === 'setData' && before.length > 0) {
      const names = [...new Set(before)].map((m) => `${m}()`);
      push(
        ctx,
        range(call.property),
        'setdata-replaces',
        `\`setData()\` replaces the whole room: the earlier ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} lost. Call setData first, or pass \`{ ...builder.getRoom(), ... }\`.`,
      );
    }
    if (!BUILDER_READS.test(call.method)) before.push(call.method);
  }
}

function shorten(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}
