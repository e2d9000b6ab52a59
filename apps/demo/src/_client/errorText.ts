import type { ErrorResponse } from '@luckystack/core';

/** What to tell the user about a failed call: the server's validation message when there is one. */
export function errorText(error: ErrorResponse): string {
  if (error.errorCode === 'DISCONNECTED') return 'Not connected to the server. Try again in a moment.';
  return error.issues?.[0]?.message ?? error.message;
}
