import { useReadable, useSession, useSocketStatus } from '@luckystack/react';
import { Avatar } from '../_app/Avatar';
import { secondClock } from '../_client/clock';
import { describePeople } from '../_client/presence';
import type { Roster } from '../_client/Roster';

/** Who is in the room and how they are: online, or AFK with the seconds left to return. */
export function PresenceList({ roster }: { roster: Roster }) {
  const { session } = useSession();
  const { socketStatus } = useSocketStatus();
  const peers = useReadable(roster);
  const now = useReadable(secondClock);
  const people = describePeople(session, peers, socketStatus, now);
  return (
    <section className="card">
      <h2 className="card-title">
        People <span className="count">{people.length}</span>
      </h2>
      <ul className="people" data-testid="presence">
        {people.map((person) => (
          <li key={person.id} className="person" data-user-id={person.id} data-tone={person.tone}>
            <Avatar name={person.name} color={person.color} />
            <span className="person-name">
              {person.name}
              {person.isSelf && <span className="muted you">(you)</span>}
            </span>
            <span className={`presence tone-${person.tone}`} data-testid="presence-label">
              <span className="dot" />
              {person.label}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
