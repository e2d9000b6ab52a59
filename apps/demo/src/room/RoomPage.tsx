import { useReadable, useSocketStatus } from '@luckystack/react';
import type { Roster } from '../_client/Roster';
import { Chat } from './Chat';
import { CursorStage } from './CursorStage';
import { PresenceList } from './PresenceList';

/** The shared room: a canvas with everyone's cursor, who is here, and the chat. */
export function RoomPage({ roster }: { roster: Roster }) {
  const peers = useReadable(roster);
  const { socketStatus } = useSocketStatus();
  const here = peers.length + 1;
  let company = `${here} people here.`;
  if (socketStatus.self.status !== 'CONNECTED') company = 'Offline: the room comes back with the connection.';
  else if (here === 1) company = 'Just you so far: sign in as someone else in another browser.';
  return (
    <section className="room">
      <header className="room-header">
        <p className="eyebrow">Room</p>
        <h1 data-testid="room-name">#{roster.room}</h1>
        <p className="muted">{company} Move your pointer over the canvas and everyone sees it.</p>
      </header>
      <div className="room-grid">
        <CursorStage roster={roster} />
        <aside className="room-side">
          <PresenceList roster={roster} />
          <Chat room={roster.room} />
        </aside>
      </div>
    </section>
  );
}
