/** Delete room, user joins (optional inviter), user leaves (optional removedBy). */
import type { JoinRoomInput, LeaveRoomInput } from '../../engine/index.ts';
import { useStore } from '../../state/store.ts';
import { selectWorld } from '../../state/selectors.ts';
import { actionProblem } from './action-check.ts';
import { RoomSelect, UserSelect } from './fields.tsx';
import { RunButton } from './RunButton.tsx';

function withOptional<T extends object, K extends keyof T>(obj: T, key: K, value: string): T {
  const next = { ...obj };
  if (value) (next as Record<K, unknown>)[key] = value;
  else delete next[key];
  return next;
}

export function DeleteRoomForm() {
  const draft = useStore((s) => s.drafts.deleteRoom);
  const setDraft = useStore((s) => s.setDraft);
  const problem = actionProblem(draft, useStore(selectWorld));
  return (
    <form className="form" aria-label="Delete room" onSubmit={(e) => e.preventDefault()}>
      <RoomSelect testId="delete-room" value={draft.room} hint={problem} onChange={(room) => setDraft('deleteRoom', { ...draft, room })} />
      <UserSelect label="Deleted by" testId="delete-by" optional value={draft.by} onChange={(by) => setDraft('deleteRoom', withOptional(draft, 'by', by))} />
      <RunButton action={draft} label="Delete room" disabled={problem !== null} />
    </form>
  );
}

export function JoinRoomForm() {
  const draft = useStore((s) => s.drafts.joinRoom);
  const setDraft = useStore((s) => s.setDraft);
  const set = (d: JoinRoomInput) => setDraft('joinRoom', d);
  const problem = actionProblem(draft, useStore(selectWorld));
  return (
    <form className="form" aria-label="User joins" onSubmit={(e) => e.preventDefault()}>
      <RoomSelect testId="join-room" value={draft.room} noDirect hint={problem} onChange={(room) => set({ ...draft, room })} />
      <UserSelect label="User" testId="join-user" value={draft.user} onChange={(user) => set({ ...draft, user })} />
      <UserSelect label="Added by (inviter)" testId="join-inviter" optional value={draft.inviter} onChange={(v) => set(withOptional(draft, 'inviter', v))} />
      <p className="field-hint">With an inviter the user is added (addUsersToRoom); without, the user joins by themself.</p>
      <RunButton action={draft} label="Join" disabled={problem !== null} />
    </form>
  );
}

export function LeaveRoomForm() {
  const draft = useStore((s) => s.drafts.leaveRoom);
  const setDraft = useStore((s) => s.setDraft);
  const set = (d: LeaveRoomInput) => setDraft('leaveRoom', d);
  const problem = actionProblem(draft, useStore(selectWorld));
  return (
    <form className="form" aria-label="User leaves" onSubmit={(e) => e.preventDefault()}>
      <RoomSelect testId="leave-room" value={draft.room} hint={problem} onChange={(room) => set({ ...draft, room })} />
      <UserSelect label="User" testId="leave-user" value={draft.user} onChange={(user) => set({ ...draft, user })} />
      <UserSelect label="Removed by" testId="leave-removed-by" optional value={draft.removedBy} onChange={(v) => set(withOptional(draft, 'removedBy', v))} />
      <p className="field-hint">With “removed by” the user is kicked (removeUserFromRoom); without, they leave.</p>
      <RunButton action={draft} label="Leave" disabled={problem !== null} />
    </form>
  );
}
