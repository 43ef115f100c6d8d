/** Ephemeral notifications (modify.getNotifier()): seen by one user or a room, never stored as messages. */
import { Empty, SectionHeader, type SectionProps } from './common.tsx';
import { appLabel, formatTime, messageText, notificationTarget, roomLabel, userLabel } from './format.ts';

export function NotificationsSection({ world, appNames }: SectionProps) {
  const list = world.notifications;
  return (
    <section className="hsw-section" data-testid="world-notifications" aria-label="Notifications">
      <SectionHeader title="Notifications" note="ephemeral, read-only: only the target sees them, they are not room messages" />
      {list.length === 0 ? (
        <Empty>No notifications yet. modify.getNotifier().notifyUser / notifyRoom calls appear here.</Empty>
      ) : (
        <div className="hsw-scroll-x">
          <table className="hsw-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">App</th>
                <th scope="col">To</th>
                <th scope="col">Room</th>
                <th scope="col">Sender</th>
                <th scope="col">Text</th>
              </tr>
            </thead>
            <tbody>
              {list.map((n) => (
                <tr key={n.id} data-testid={`world-notification-row-${n.id}`}>
                  <td className="hsw-time">{formatTime(n.createdAt)}</td>
                  <td><span className="hsw-chip hsw-chip--app">{appLabel(appNames, n.appId)}</span></td>
                  <td className="hsw-mono">{notificationTarget(world, n)}</td>
                  <td className="hsw-mono">{n.roomId ? roomLabel(world, n.roomId) : <span className="hsw-muted">—</span>}</td>
                  <td className="hsw-mono">{n.senderId ? userLabel(world, n.senderId) : <span className="hsw-muted">—</span>}</td>
                  <td>{messageText(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
