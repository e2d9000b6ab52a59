import { useSession } from '@luckystack/react';
import { roomQuery } from '../_client/roomCode';
import { Avatar } from './Avatar';
import { ConnectionIndicator } from './ConnectionIndicator';
import { Link } from './Link';

/** The top bar: brand, pages, the other front ends, the connection and who is signed in. */
export function Header({
  room,
  path,
  onSignOut,
}: {
  room: string;
  path: string;
  onSignOut: () => Promise<void>;
}) {
  const { session } = useSession();
  const query = roomQuery(room);
  const tab = (href: string, label: string) => (
    <Link href={`${href}${query}`} className="nav-link" aria-current={path === href ? 'page' : undefined}>
      {label}
    </Link>
  );
  return (
    <header className="topbar">
      <Link href={session ? `/room${query}` : '/login'} className="brand">
        <span className="brand-mark" aria-hidden="true" />
        LuckyStack <span className="brand-sub">demo</span>
      </Link>
      {session && (
        <nav className="nav">
          {tab('/room', 'Room')}
          {tab('/settings', 'Settings')}
          <a className="nav-link" href={`/vue${query}`}>
            Vue view
          </a>
          <a className="nav-link" href={`/svelte${query}`}>
            Svelte view
          </a>
        </nav>
      )}
      <div className="topbar-end">
        <ConnectionIndicator />
        {session && (
          <>
            <span className="user-chip">
              <Avatar name={session.name} color={session.color} size="sm" />
              <span data-testid="user-name">{session.name}</span>
            </span>
            <button type="button" className="button button-ghost" onClick={() => void onSignOut()}>
              Sign out
            </button>
          </>
        )}
      </div>
    </header>
  );
}
