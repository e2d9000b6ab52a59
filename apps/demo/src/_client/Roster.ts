import { type Readable, type SocketStatus, Store } from '@luckystack/core';
import type { DemoSession } from '../_shared/session';
import type { DemoClient } from './createDemoClient';

/** Someone in the room. */
export interface RosterMember {
  id: string;
  name: string;
  color: string;
}

const HELLO = '/room/hello';
const BYE = '/room/bye';

function byName(a: RosterMember, b: RosterMember): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/** What others see of a session: a new one means a new hello. */
function signature(session: DemoSession): string {
  return `${session.id}|${session.name}|${session.color}`;
}

/**
 * Who else is in a room. The library's socket status only lists peers that went away or came back, so the
 * roster is built on a sync: joining announces this user to the room (`hello`), everyone answers the
 * newcomer alone (`hello_client.ts` filters per receiver). A peer leaves the roster when the status says it
 * left, or when it says goodbye (`bye`) on signing out. The tab joins the room while signed in.
 */
export class Roster implements Readable<readonly RosterMember[]> {
  /** The room code. */
  readonly room: string;
  readonly #client: DemoClient;
  readonly #peers = new Store<readonly RosterMember[]>([]);
  #status: SocketStatus;
  #joined = false;
  /** The {@link signature} this user last announced, to announce again only when it changed. */
  #announced = '';

  constructor(client: DemoClient, room: string) {
    this.#client = client;
    this.room = room;
    this.#status = client.status.getSnapshot();
  }

  /** The other members, sorted by name. */
  readonly getSnapshot = (): readonly RosterMember[] => this.#peers.getSnapshot();

  /** Calls `listener` after each change of the members. */
  readonly subscribe = (listener: () => void): (() => void) => this.#peers.subscribe(listener);

  /** Follows the session, the connection and the room's announcements, for the tab's life. */
  start(): void {
    const client = this.#client;
    client.session.subscribe(this.#onSession);
    client.status.subscribe(this.#onStatus);
    client.onSync(HELLO, ({ clientData, serverOutput }) => {
      this.#upsert(serverOutput.member);
      if (clientData.wantsReply) this.#announce(serverOutput.member.id);
    });
    client.onSync(BYE, ({ serverOutput }) => this.#remove([serverOutput.userId]));
    this.#onSession();
  }

  /**
   * Tells the room this user is leaving, then leaves it: call it before signing out, while the session still
   * names the user (a sign-out is no disconnect, so the activity broadcaster says nothing).
   */
  async sayGoodbye(): Promise<void> {
    if (!this.#joined) return;
    await this.#client.syncRequest({ name: BYE, receiver: this.room, ignoreSelf: true });
    this.#leave();
  }

  readonly #onSession = (): void => {
    const session = this.#client.session.getSnapshot();
    if (!session) {
      if (this.#joined) this.#leave();
      return;
    }
    if (!this.#joined) {
      void this.#join();
      return;
    }
    // A renamed user says hello again, so everyone's roster shows the new name.
    if (signature(session) !== this.#announced) this.#announce(null);
  };

  readonly #onStatus = (): void => {
    const previous = this.#status;
    const next = this.#client.status.getSnapshot();
    this.#status = next;
    if (next.self.status !== 'CONNECTED') {
      // Away, we miss every hello and goodbye: start again from an empty roster once back.
      this.#peers.setState([]);
      return;
    }
    if (previous.self.status !== 'CONNECTED') {
      // The client rejoined the room in the handshake; ask who is there now.
      if (this.#joined) this.#announce(null);
      return;
    }
    this.#remove(Object.keys(previous).filter((id) => id !== 'self' && !Object.hasOwn(next, id)));
  };

  async #join(): Promise<void> {
    this.#joined = true;
    const joined = await this.#client.joinRoom(this.room);
    // Refused or disconnected: try again with the next session push (every reconnect brings one).
    if (joined !== true) this.#joined = false;
    else this.#announce(null);
  }

  #leave(): void {
    this.#joined = false;
    this.#announced = '';
    this.#peers.setState([]);
    void this.#client.leaveRoom(this.room);
  }

  #announce(replyTo: string | null): void {
    const session = this.#client.session.getSnapshot();
    if (!session) return;
    if (replyTo === null) this.#announced = signature(session);
    // A failed hello needs no retry: the next reconnect or session change announces again.
    void this.#client.syncRequest({ name: HELLO, data: { replyTo }, receiver: this.room, ignoreSelf: true });
  }

  #remove(ids: string[]): void {
    if (ids.length > 0) this.#peers.setState((peers) => peers.filter((peer) => !ids.includes(peer.id)));
  }

  #upsert(member: RosterMember): void {
    this.#peers.setState((peers) => [...peers.filter((peer) => peer.id !== member.id), member].sort(byName));
  }
}
