/** Browser sandbox for app runtimes. See sandbox.ts and ARCHITECTURE.md. */
import runtimeCode from 'virtual:hookscope-runtime';
import { createSandboxWith, type Sandbox } from './sandbox.ts';

export type { Sandbox } from './sandbox.ts';

export function createSandbox(doc: Document): Sandbox {
  return createSandboxWith(doc, runtimeCode);
}
