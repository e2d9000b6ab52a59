import { useLuckyClient, useSession } from '@luckystack/react';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { Roster } from '../_client/Roster';
import { roomQuery } from '../_client/roomCode';
import { LoginPage } from '../login/LoginPage';
import { RoomPage } from '../room/RoomPage';
import { SettingsPage } from '../settings/SettingsPage';
import { Header } from './Header';
import { navigate, useLocation } from './router';

const PROTECTED = new Set(['/room', '/settings']);

/** The React front end: a header and three pages; any other path leads to the room, or to the login page. */
export function App({ roster, sessionKnown }: { roster: Roster; sessionKnown: Promise<void> }) {
  const client = useLuckyClient();
  const { session } = useSession();
  const { path, query } = useLocation();
  const [known, setKnown] = useState(false);
  /** Why the session is about to end, when this tab knows better than "it ended". */
  const endReason = useRef<string | null>(null);
  const hadSession = useRef(false);

  useEffect(() => {
    let live = true;
    sessionKnown.then(() => live && setKnown(true));
    return () => {
      live = false;
    };
  }, [sessionKnown]);

  useEffect(
    () =>
      client.onForceLogout(({ reason }) => {
        endReason.current = reason;
      }),
    [client],
  );

  // The one place that moves between signed-in and signed-out pages.
  useEffect(() => {
    if (!known) return;
    if (session) {
      hadSession.current = true;
      if (!PROTECTED.has(path)) navigate(`/room${roomQuery(roster.room)}`, { replace: true });
    } else if (path !== '/login') {
      const reason = hadSession.current ? (endReason.current ?? 'session-ended') : null;
      hadSession.current = false;
      endReason.current = null;
      navigate(reason ? `/login?reason=${reason}` : '/login', { replace: !reason });
    }
  }, [known, session, path, roster.room]);

  const signOut = useCallback(async () => {
    endReason.current = 'signed-out';
    await roster.sayGoodbye();
    await client.apiRequest({ name: 'logout' });
  }, [client, roster]);

  let page: ReactNode = null;
  if (!known) page = <p className="splash">Connecting…</p>;
  else if (!session && path === '/login') page = <LoginPage reason={query.get('reason')} />;
  else if (session && path === '/room') page = <RoomPage roster={roster} />;
  else if (session && path === '/settings') page = <SettingsPage />;

  return (
    <div className="app">
      <Header room={roster.room} path={path} onSignOut={signOut} />
      <main className="page">{page}</main>
    </div>
  );
}
