/** Shapes shared by the store slices, the engine controller and autosave. */
import type {
  AppDefinition,
  CreateRoomInput,
  DeleteRoomInput,
  JoinRoomInput,
  LeaveRoomInput,
  ActionInput,
  ActionName,
  HostError,
  ProfileId,
  Outcome,
  TraceEvent,
  WorldState,
} from '../engine/index.ts';

/** An app in the workspace: exactly what the engine installs (files, classFile, app.json...). */
export type WorkspaceApp = AppDefinition;

export interface RuntimeSettings {
  /** Per-call timeout in ms (Rocket.Chat's default is 30 000). */
  timeoutMs: number;
  profile: ProfileId;
}

/** The forms of the Action panel, one draft per action (kept so a half-filled form survives). */
export interface ActionDrafts {
  createRoom: CreateRoomInput;
  deleteRoom: DeleteRoomInput;
  joinRoom: JoinRoomInput;
  leaveRoom: LeaveRoomInput;
}

/** What the engine knows about an app after trying to load it. */
export interface AppStatus {
  state: 'loading' | 'ready' | 'error';
  /** Why the app is not enabled (its code failed to load, or onEnable returned false or threw). */
  loadError: string | null;
  /** With `error`: where it stopped (`transpile`...`initialize`, `enable` = onEnable refused, `install`). */
  notEnabledPhase?: string;
  /** Interfaces the manifest lists (from the class file's `implements`). */
  implements: string[];
}

/** The persisted workspace (see autosave.ts for the on-disk envelope). */
export interface Workspace {
  apps: WorkspaceApp[];
  world: WorldState;
  settings: RuntimeSettings;
  drafts: ActionDrafts;
}

export interface RunSummary {
  outcome: Outcome;
  error: HostError | null;
  roomId: string | null;
  summary: string;
}

/** One user-triggered run, with the runs apps started from inside it. */
export interface RunRecord {
  /** The engine's runId of the user run (or a local id until run-start arrives). */
  id: string;
  action: ActionInput;
  startedAt: number;
  state: 'running' | 'answered' | 'settled' | 'crashed';
  result: RunSummary | null;
  /** Apps that could not be loaded when the run started, with their error. */
  unloadable: { appId: string; name: string; error: string }[];
  /** Runs apps started through `modify` during this run. */
  childRunIds: string[];
  events: TraceEvent[];
  /** 1-based number shown to the user ("run #3"); stable when old runs are dropped. */
  seq?: number;
  /** The world just before the run (kept for the replay baseline; see run-memory.ts). */
  worldBefore?: WorldState | null;
  /** The world after the host answered, then again after the run settled (see run-memory.ts). */
  worldAfter: WorldState | null;
  /** True when worldAfter was dropped to save memory (only the newest runs keep theirs). */
  worldDropped?: boolean;
  /** Set when something outside the engine went wrong (the controller itself). */
  crash?: string;
  /**
   * A re-run (Run again, live mode): the result it repeats, so the graph can say what changed
   * ("was completed, now prevented by Guard"). Only the newest runs keep it (run-memory.ts).
   */
  previous?: PreviousResult;
  /** Recorded by someone else and opened from a share link: shown, never re-run by live mode. */
  shared?: boolean;
}

export interface PreviousResult {
  seq: number;
  events: TraceEvent[];
  /** True when the re-run replaced that run in place (live mode). */
  replaced: boolean;
}

export type ActionTab = ActionName;
export type Theme = 'dark' | 'light';
