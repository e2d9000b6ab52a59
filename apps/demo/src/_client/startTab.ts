import { createDemoClient, type DemoClient } from './createDemoClient';
import { Roster } from './Roster';
import { roomFromUrl } from './roomCode';
import { sessionKnown } from './sessionKnown';

/** What every front end of the demo starts with. */
export interface Tab {
  client: DemoClient;
  /** The room of this tab (`?room=`), joined while signed in. */
  roster: Roster;
  /** Settles once the session is known (signed in or not). */
  known: Promise<void>;
}

/**
 * Starts this tab: its own connection with the stored token, and the roster of its room for the tab's
 * life. React, Vue and Svelte each call it, so all three are tabs of the same user.
 */
export function startTab(): Tab {
  const client = createDemoClient();
  const roster = new Roster(client, roomFromUrl());
  roster.start();
  return { client, roster, known: sessionKnown(client) };
}
