/**
 * Which interfaces an app implements, read from its main class file the way the Apps compiler
 * does (Rocket.Chat.Apps-compiler `src/compiler/TypescriptCompiler.ts`, `getImplementedInterfaces`):
 * for every top-level class declaration of the class file (`class`, `export class`,
 * `export default class`; not class expressions, not classes nested in functions or namespaces),
 * each entry of its `implements` clause by its source text (`getText()`: `ns.IFoo` and `IFoo<T>`
 * stay as written), kept only if that text is an Apps-Engine interface name, in source order
 * (duplicates kept, as the compiler does). A method written without the matching `implements`
 * entry is therefore never called (spec section 2).
 *
 * It reads one real parse of the source (parse-source.ts), never the text: a regular-expression
 * literal, a string or a comment holding braces cannot change the result.
 */
import { AppInterface } from '@rocket.chat/apps-engine/definition/metadata/AppInterface.js';
import { parseSource, textOf, topLevelClasses, type ParseProblem } from './parse-source.ts';

export interface ImplementsEntry {
  /** As written (`IPreRoomCreatePrevent`, `ns.IFoo`, `IFoo<T>`), comments inside kept. */
  text: string;
  line: number;
  /** Offsets of the entry in the source (end exclusive). */
  start: number;
  end: number;
  valid: boolean;
}

export interface ImplementsClause {
  /** The class's name ('default' for an anonymous `export default class`). */
  className: string;
  entries: ImplementsEntry[];
  line: number;
}

const VALID = new Set<string>(Object.keys(AppInterface));

export function isAppInterface(name: string): boolean {
  return VALID.has(name);
}

/** All top-level classes of a file with their `implements` clauses (empty when it does not parse). */
export function findImplementsClauses(source: string): ImplementsClause[] {
  const parsed = parseSource(source);
  if (!parsed.ok) return [];
  return topLevelClasses(parsed.program).map(({ node }) => ({
    className: node.id?.name ?? 'default',
    line: node.loc?.start.line ?? 1,
    entries: (node.implements ?? []).map((entry) => {
      const text = textOf(source, entry);
      return { text, line: entry.loc?.start.line ?? 1, start: entry.start ?? 0, end: entry.end ?? 0, valid: VALID.has(text) };
    }),
  }));
}

/** The interface names the apps compiler would put in the manifest's `implements`. */
export function implementedInterfaces(classFileSource: string): string[] {
  return findImplementsClauses(classFileSource).flatMap((clause) => clause.entries.filter((e) => e.valid).map((e) => e.text));
}

/** Why the class file could not be read (a syntax error the parser cannot recover from), or null. */
export function classFileProblem(classFileSource: string): ParseProblem | null {
  const parsed = parseSource(classFileSource);
  return parsed.ok ? null : parsed.error;
}
