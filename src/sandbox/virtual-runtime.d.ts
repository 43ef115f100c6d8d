declare module 'virtual:hookscope-runtime' {
  /** The browser app runtime (src/sandbox/worker-entry.ts) bundled as one classic-worker script. */
  const code: string;
  export default code;
}
