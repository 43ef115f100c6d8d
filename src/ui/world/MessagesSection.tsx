/** Messages apps posted and system messages, grouped by room; virtualized (lists can be long). */
import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, SectionHeader, type SectionProps } from './common.tsx';
import { appLabel, formatTime, messageRows, messageText, userLabel } from './format.ts';

export function MessagesSection({ world, appNames }: SectionProps) {
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => messageRows(world, filter), [world, filter]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'room' ? 30 : 26),
    overscan: 12,
    getItemKey: (i) => rows[i]?.key ?? i,
  });
  return (
    <section className="hsw-section hsw-section--fill" data-testid="world-messages" aria-label="Messages">
      <SectionHeader title="Messages" note={`${world.messages.length} message${world.messages.length === 1 ? '' : 's'}, read-only`}>
        <input
          className="hsw-input hsw-filter"
          type="search"
          aria-label="Filter messages"
          placeholder="Filter…"
          value={filter}
          data-testid="world-messages-filter"
          onChange={(e) => setFilter(e.target.value)}
        />
      </SectionHeader>
      {rows.length === 0 ? (
        <Empty>
          {world.messages.length
            ? 'No message matches the filter.'
            : 'No messages yet. Messages apps send (modify.getCreator()) and system messages (user joined, left…) appear here.'}
        </Empty>
      ) : (
        <div ref={scrollRef} className="hsw-virtual" role="list" aria-label="Messages by room" tabIndex={0}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const style = { position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` } as const;
              if (row.kind === 'room') {
                return (
                  <div
                    key={item.key}
                    ref={virtualizer.measureElement}
                    data-index={item.index}
                    style={style}
                    className="hsw-group-head"
                    role="listitem"
                    data-testid={`world-message-group-${row.key.slice(5)}`}
                  >
                    {row.label} <span className="hsw-muted">· {row.count}</span>
                  </div>
                );
              }
              const m = row.message;
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  style={style}
                  className={`hsw-msg${m.system ? ' hsw-msg--system' : ''}`}
                  role="listitem"
                  data-testid={`world-message-row-${m.id}`}
                >
                  <span className="hsw-time">{formatTime(m.createdAt)}</span>
                  <span className="hsw-mono hsw-msg-sender">{m.alias ?? userLabel(world, m.senderId)}</span>
                  <span className="hsw-msg-app">
                    {m.appId ? (
                      <span className="hsw-chip hsw-chip--app">{appLabel(appNames, m.appId)}</span>
                    ) : m.system ? (
                      <span className="hsw-chip">system</span>
                    ) : null}
                  </span>
                  <span className="hsw-msg-text">{messageText(m)}</span>
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
