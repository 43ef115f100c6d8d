/** What a command may touch of the process: its output streams, environment and folder. */
export interface CliIO {
  out(s: string): void;
  err(s: string): void;
  /** stdout is a terminal: the pretty reporter by default, colours unless NO_COLOR. */
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Resolves when the user asks to stop (Ctrl-C) — long-running commands such as `dev`. */
  stopSignal?: Promise<void>;
}
