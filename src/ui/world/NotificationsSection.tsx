/** Ephemeral notifications (modify.getNotifier()): seen by one user or a room, never stored as messages. */
import { SectionHeader, WorldTable, type SectionProps } from './common.tsx';
import { appLabel, formatTime, messageText, notificationTarget, roomLabel, userLabel } from './format.ts';

export function NotificationsSection({ world, appNames }: SectionProps) {
  const list = world.notifications;
  return (
    <section className="hsw-section" data-testid="world-notifications" aria-label="Notifications">
      <SectionHeader title="Notifications" note="ephemeral, read-only: only the target sees them, they are not room messages" />
      <WorldTable
        isEmpty={list.length === 0}
        empty="No notifications yet. modify.getNotifier().notifyUser / notifyRoom calls appear here."
        columns={['Time', 'App', 'To', 'Room', 'Sender', 'Text']}
        scroll
      >
        {list.map((n) => (
          <tr key={n.id} data-testid={`world-notification-row-${n.id}`}>
            <td className="hsw-time">{formatTime(n.createdAt)}</td>
            <td>
              <span className="hsw-chip hsw-chip--app">{appLabel(appNames, n.appId)}</span>
            </td>
            <td className="hsw-mono">{notificationTarget(world, n)}</td>
            <td className="hsw-mono">{n.roomId ? roomLabel(world, n.roomId) : <span className="hsw-muted">—</span>}</td>
            <td className="hsw-mono">{n.senderId ? userLabel(world, n.senderId) : <span className="hsw-muted">—</span>}</td>
            <td>{messageText(n)}</td>
          </tr>
        ))}
      </WorldTable>
    </section>
  );
}
