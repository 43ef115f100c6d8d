/** Pick an action, fill its form, Run; the host's answer shows below. */
import type { ActionName } from '../../engine/index.ts';
import { useStore } from '../../state/store.ts';
import { selectActionTab } from '../../state/selectors.ts';
import { CreateRoomForm } from './CreateRoomForm.tsx';
import { DeleteRoomForm, JoinRoomForm, LeaveRoomForm } from './MembershipForms.tsx';
import { RunResult } from './RunResult.tsx';

const ACTIONS: { id: ActionName; label: string }[] = [
  { id: 'createRoom', label: 'Create' },
  { id: 'deleteRoom', label: 'Delete' },
  { id: 'joinRoom', label: 'Join' },
  { id: 'leaveRoom', label: 'Leave' },
];

export function ActionPanel() {
  const tab = useStore(selectActionTab);
  const setTab = useStore((s) => s.setActionTab);
  return (
    <div className="action-panel" data-testid="action-panel">
      <div className="segmented segmented-wide" role="radiogroup" aria-label="Room action">
        {ACTIONS.map((a) => (
          <button key={a.id} type="button" role="radio" aria-checked={tab === a.id} data-testid={`action-${a.id}`} onClick={() => setTab(a.id)}>
            {a.label}
          </button>
        ))}
      </div>
      {tab === 'createRoom' && <CreateRoomForm />}
      {tab === 'deleteRoom' && <DeleteRoomForm />}
      {tab === 'joinRoom' && <JoinRoomForm />}
      {tab === 'leaveRoom' && <LeaveRoomForm />}
      <RunResult />
    </div>
  );
}
