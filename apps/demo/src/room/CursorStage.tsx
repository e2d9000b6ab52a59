import { useLuckyClient, useReadable, useSyncEvents } from '@luckystack/react';
import { type PointerEvent, useEffect, useMemo, useState } from 'react';
import type { Roster } from '../_client/Roster';
import { throttle } from '../_client/throttle';

interface Cursor {
  x: number;
  y: number;
  name: string;
  color: string;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/** The canvas: sends this pointer (≈20 updates a second) and draws everyone else's. */
export function CursorStage({ roster }: { roster: Roster }) {
  const client = useLuckyClient();
  const peers = useReadable(roster);
  const { upsertSyncEventCallback } = useSyncEvents();
  const [cursors, setCursors] = useState<Record<string, Cursor>>({});

  useEffect(
    () =>
      upsertSyncEventCallback('cursorMove', ({ clientData, serverOutput }) => {
        const { x, y, visible } = clientData;
        setCursors(({ [serverOutput.userId]: _, ...others }) =>
          visible
            ? {
                ...others,
                [serverOutput.userId]: { x, y, name: serverOutput.name, color: serverOutput.color },
              }
            : others,
        );
      }),
    [upsertSyncEventCallback],
  );

  const send = useMemo(
    () =>
      throttle((x: number, y: number, visible: boolean) => {
        void client.syncRequest({
          name: 'cursorMove',
          data: { x, y, visible },
          receiver: roster.room,
          ignoreSelf: true,
          // A lost cursor frame is replaced 50 ms later: no confirmation, droppable on slow links.
          volatile: true,
        });
      }, 50),
    [client, roster.room],
  );

  const track = (visible: boolean) => (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    send(
      clamp((event.clientX - box.left) / box.width),
      clamp((event.clientY - box.top) / box.height),
      visible,
    );
  };

  // Only peers still in the room keep a cursor.
  const shown = peers.filter((peer) => cursors[peer.id]);
  return (
    <div className="stage" data-testid="stage" onPointerMove={track(true)} onPointerLeave={track(false)}>
      <p className="stage-hint">Move your pointer here</p>
      {shown.map((peer) => {
        const cursor = cursors[peer.id]!;
        return (
          <div
            key={peer.id}
            className="cursor"
            data-testid="cursor"
            data-user-id={peer.id}
            style={{ left: `${cursor.x * 100}%`, top: `${cursor.y * 100}%`, color: cursor.color }}
          >
            <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
              <path d="M2 1.5 16 8l-6.2 1.6L7 16z" fill="currentColor" stroke="white" strokeWidth="1.4" />
            </svg>
            <span className="cursor-label" style={{ background: cursor.color }}>
              {cursor.name}
            </span>
          </div>
        );
      })}
    </div>
  );
}
