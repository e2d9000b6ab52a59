import type { ChatMessage } from '../../_shared/chat';

const PER_ROOM = 50;
const MAX_ROOMS = 200;

/**
 * The last messages of each room, in this process's memory, so a newcomer sees the conversation so far.
 * Bounded in messages and rooms (the oldest room is forgotten first); per process, like the memory store.
 */
class ChatLog {
  readonly #rooms = new Map<string, ChatMessage[]>();

  /** Appends `message` to `room`'s history. */
  add(room: string, message: ChatMessage): void {
    const messages = this.#rooms.get(room) ?? [];
    // Re-inserting moves the room to the end of the Map's order, so the first key is the stalest room.
    this.#rooms.delete(room);
    this.#rooms.set(room, [...messages, message].slice(-PER_ROOM));
    if (this.#rooms.size > MAX_ROOMS) this.#rooms.delete(this.#rooms.keys().next().value!);
  }

  /** `room`'s recent messages, oldest first. */
  recent(room: string): ChatMessage[] {
    return this.#rooms.get(room) ?? [];
  }
}

/** The server's one chat log. */
export const chatLog = new ChatLog();
