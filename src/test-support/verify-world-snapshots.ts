/** Vitest setup: every world snapshot taken in a test is checked against a full copy and frozen (world/store.ts). */
import { WorldStore } from '../engine/world/store.ts';

WorldStore.verifySnapshots = true;
