/** Longest chat message the server accepts (the input lets you type more, so the server's answer shows). */
export const MAX_CHAT_LENGTH = 280;

/** A chat message as the server stamps it and every receiver gets it. */
export interface ChatMessage {
  id: string;
  author: { id: string; name: string; color: string };
  text: string;
  /** Server time, ms since epoch. */
  sentAt: number;
}
