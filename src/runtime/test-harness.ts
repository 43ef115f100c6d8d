/**
 * TEST ONLY (imported by src/runtime/*.test.ts, never by the runtime): drives a runtime in-process
 * with a Node evaluator and a fake host that checks every message with the protocol guard and
 * answers accessor requests.
 */
import { runInThisContext } from 'node:vm';
import type { ArgSpec, AppDescriptor, PendingWork, RuntimeToHost } from '../protocol/runtime-protocol.ts';
import { PROTOCOL_VERSION, parseRuntimeMessage } from '../protocol/runtime-protocol.ts';
import { decodeWire, encodeWire } from '../protocol/wire.ts';
import type { ModuleEvaluator, ModuleFunction } from './module-loader.ts';
import { createAppRuntime } from './runtime.ts';
import type { AppRuntime } from './runtime.ts';

/** Like the Node entry will do: wrap on the first line only, so line numbers match the file. */
export const nodeEvaluator: ModuleEvaluator = (code, sourceUrl) =>
  runInThisContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: sourceUrl }) as ModuleFunction;

export const DESCRIPTOR: AppDescriptor = {
  id: 'app-1',
  name: 'Test App',
  nameSlug: 'test-app',
  version: '1.0.0',
  description: 'test',
  requiredApiVersion: '^1.0.0',
  author: { name: 'me', support: 'me@example.com' },
  classFile: 'MyApp.ts',
};

type Msg<T extends RuntimeToHost['type']> = Extract<RuntimeToHost, { type: T }>;
/** Answers a request; `args` arrive decoded, `value` is encoded by the harness (as the host does). */
export type Answer = (op: string, args: unknown[]) => { ok: true; value: unknown } | { ok: false; message: string } | 'never';

export interface Harness {
  rt: AppRuntime;
  msgs: RuntimeToHost[];
  load(files: Record<string, string>, freezeInputs?: boolean): Promise<Msg<'loaded'>>;
  call(method: string, args: ArgSpec[], callId?: string): Promise<CallRecord>;
  of<T extends RuntimeToHost['type']>(type: T, callId?: string | null): Msg<T>[];
  dispose(): void;
}

export interface CallRecord {
  result: Msg<'result'>;
  /** What the handler left behind (carried by its result). */
  pending: PendingWork & { callId: string };
  logs: Msg<'log'>[];
  requests: Msg<'request'>[];
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

export function startHarness(answer: Answer = () => ({ ok: true, value: null })): Harness {
  const msgs: RuntimeToHost[] = [];
  let counter = 0;
  let rt: AppRuntime;
  const post = (m: RuntimeToHost): void => {
    const parsed = parseRuntimeMessage(JSON.parse(JSON.stringify(m)));
    if (!parsed.ok) throw new Error(`runtime posted an invalid message: ${parsed.problem}: ${JSON.stringify(m)}`);
    msgs.push(decodedView(m));
    if (m.type === 'request') {
      const a = answer(
        m.op,
        m.args.map((w) => decodeWire(w)),
      );
      if (a === 'never') return;
      setImmediate(() => {
        rt.receive(
          a.ok
            ? { v: PROTOCOL_VERSION, type: 'response', reqId: m.reqId, ok: true, value: encodeWire(a.value) }
            : {
                v: PROTOCOL_VERSION,
                type: 'response',
                reqId: m.reqId,
                ok: false,
                error: { code: -32603, name: 'Error', className: 'Error', message: a.message },
              },
        );
      });
    }
  };
  rt = createAppRuntime({ post, evaluate: nodeEvaluator });

  async function waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
    for (let i = 0; i < 20_000; i++) {
      const found = find();
      if (found !== undefined) return found;
      await tick();
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  const of = <T extends RuntimeToHost['type']>(type: T, callId?: string | null): Msg<T>[] =>
    msgs.filter((m): m is Msg<T> => m.type === type && (callId === undefined || (m as { callId?: unknown }).callId === callId));

  return {
    rt,
    msgs,
    of,
    async load(files, freezeInputs = false) {
      rt.receive({ v: PROTOCOL_VERSION, type: 'load', app: DESCRIPTOR, files, switches: { freezeInputs } });
      return waitFor(() => of('loaded')[0], 'loaded');
    },
    async call(method, args, callId = `c${++counter}`) {
      rt.receive({ v: PROTOCOL_VERSION, type: 'call', callId, method, args });
      const result = await waitFor(() => of('result', callId)[0], `result of ${callId}`);
      const pending = { callId, ...result.pending };
      return { result, pending, logs: of('log', callId), requests: of('request', callId) };
    },
    dispose() {
      rt.dispose();
    },
  };
}

/**
 * The message with its msgpack values decoded (result value and held room, request args, setting
 * values), so tests read plain data; the raw message was validated first.
 */
function decodedView(m: RuntimeToHost): RuntimeToHost {
  const d = (w: unknown) => (typeof w === 'string' ? decodeWire(w) : w);
  const out = { ...m } as Record<string, unknown>;
  if (m.type === 'result') {
    if (m.ok) out['value'] = d(m.value);
    if (m.held) out['held'] = { ...m.held, room: d(m.held.room) };
  } else if (m.type === 'request') {
    out['args'] = m.args.map(d);
  } else if (m.type === 'loaded' && m.ok) {
    out['settings'] = m.settings.map((s) => {
      const x: Record<string, unknown> = { ...s, packageValue: d(s.packageValue) };
      if (s.value !== undefined) x['value'] = d(s.value);
      if (s.values !== undefined) x['values'] = d(s.values);
      return x;
    });
  }
  return out as unknown as RuntimeToHost;
}

export const roomArg = (room: unknown, usernames: string[] = [], wrap = true): ArgSpec => ({ kind: 'room', room: encodeWire(room), wrap, usernames });
export const READ: ArgSpec = { kind: 'accessor', name: 'read' };
export const HTTP: ArgSpec = { kind: 'accessor', name: 'http' };
export const PERSIS: ArgSpec = { kind: 'accessor', name: 'persistence' };
export const MODIFY: ArgSpec = { kind: 'accessor', name: 'modify' };

/** Source of a class file: `App` import plus the given class body lines. */
export function appSource(body: string, header = ''): string {
  return ["import { App } from '@rocket.chat/apps-engine/definition/App';", header, 'export class MyApp extends App {', body, '}'].join('\n');
}
