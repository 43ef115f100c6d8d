/**
 * The host's world: everything Rocket.Chat would keep in its database that room events touch.
 * Plain data (structured-cloneable), so a snapshot is a deep copy and the UI can keep one per run.
 */

export type RoomTypeCode = 'c' | 'p' | 'd' | 'l';

export interface WorldUser {
  id: string;
  username: string;
  name: string;
  roles: string[];
  /** 'app' for an app's bot user (`<nameSlug>.bot`). */
  type: 'user' | 'bot' | 'app';
  appId?: string;
  createdAt: Date;
  customFields?: Record<string, unknown>;
}

export interface WorldRoom {
  id: string;
  /** The room's name (RC `name`); for direct messages the joined usernames. */
  slugifiedName: string;
  /** RC `fname`. */
  displayName?: string;
  type: RoomTypeCode;
  /** The creator (RC `u`); '' for a direct message, which has no creator (RC createDirectMessage). */
  creatorId: string;
  /** Member user ids, in the order they joined (RC subscriptions). */
  memberIds: string[];
  /** User ids with the room's owner role (RC subscription role). The creator is an owner. */
  ownerIds: string[];
  /** User ids with the room's moderator role (RC subscription role). */
  moderatorIds?: string[];
  isDefault: boolean;
  isReadOnly: boolean;
  displaySystemMessages: boolean;
  messageCount: number;
  createdAt: Date;
  updatedAt: Date;
  lastModifiedAt?: Date;
  description?: string;
  teamId?: string;
  isTeamMain?: boolean;
  customFields?: Record<string, unknown>;
  parentRoomId?: string;
  isFederated?: boolean;
  federation?: unknown;
  /** RC room fields hookscope has no model for, set by an app through the node profile's codecs (`members`, `_unmappedProperties_`). */
  rawFields?: Record<string, unknown>;
}

export interface WorldMessage {
  id: string;
  roomId: string;
  senderId: string;
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  alias?: string;
  emoji?: string;
  avatarUrl?: string;
  groupable?: boolean;
  parseUrls?: boolean;
  threadId?: string;
  customFields?: Record<string, unknown>;
  /** A system message the host writes itself (user joined / left ...). */
  system?: 'uj' | 'ul' | 'au' | 'ru' | 'ut';
  /** The app whose `modify` created it, if any. */
  appId?: string;
  createdAt: Date;
  updatedAt?: Date;
}

/** An ephemeral notification (modify.getNotifier()): seen by one user (or a room), never stored as a message. */
export interface WorldNotification {
  id: string;
  appId: string;
  target: { kind: 'user'; userId: string } | { kind: 'room'; roomId: string };
  roomId?: string;
  senderId?: string;
  text?: string;
  blocks?: unknown[];
  createdAt: Date;
}

export interface Association {
  model: string;
  id: string;
}

export interface PersistenceRecord {
  id: string;
  data: unknown;
  associations: Association[];
}

export interface AppSetting {
  id: string;
  type: string;
  packageValue: unknown;
  value?: unknown;
  required: boolean;
  public: boolean;
  i18nLabel: string;
  i18nDescription?: string;
  values?: unknown;
  createdAt?: Date;
  updatedAt?: Date;
}

export interface HttpMock {
  /** GET, POST, ... or '*' for any. */
  method: string;
  /** A glob: `*` matches any run of characters (`https://api.example/*`). */
  url: string;
  status: number;
  data?: unknown;
  content?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Simulates a network failure: the call throws this message instead of answering. */
  error?: string;
}

export interface HttpExchange {
  id: string;
  appId: string;
  method: string;
  url: string;
  request: unknown;
  status: number | null;
  error?: string;
  mockIndex: number | null;
  at: Date;
}

export interface WorldState {
  users: WorldUser[];
  rooms: WorldRoom[];
  messages: WorldMessage[];
  notifications: WorldNotification[];
  /** Per app id. */
  persistence: Record<string, PersistenceRecord[]>;
  /** Per app id, per setting id. */
  settings: Record<string, Record<string, AppSetting>>;
  /** Server settings an app may read (Site_Url, Site_Name, ...). */
  serverSettings: Record<string, unknown>;
  httpMocks: HttpMock[];
  httpLog: HttpExchange[];
  /**
   * Permission -> roles overrides over Rocket.Chat's defaults (`world/permissions.ts`, RC
   * `authorization/server/constant/permissions.ts`). Omitted or empty = the defaults.
   */
  permissions?: Record<string, string[]>;
}

export function emptyWorld(): WorldState {
  return {
    users: [],
    rooms: [],
    messages: [],
    notifications: [],
    persistence: {},
    settings: {},
    serverSettings: { Site_Url: 'http://localhost:3000', Site_Name: 'Rocket.Chat' },
    httpMocks: [],
    httpLog: [],
  };
}
