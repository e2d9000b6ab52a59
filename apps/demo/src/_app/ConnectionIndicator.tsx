import { useSocketStatus } from '@luckystack/react';
import { describeConnection } from '../_client/presence';

/** This tab's connection: Connected, Reconnecting with the attempt number, or Disconnected. */
export function ConnectionIndicator() {
  const { socketStatus } = useSocketStatus();
  const { self } = socketStatus;
  const { tone, label } = describeConnection(self);
  return (
    <output
      className={`pill tone-${tone}`}
      data-testid="connection"
      data-status={self.status}
      data-attempt={self.status === 'RECONNECTING' ? self.reconnectAttempt : undefined}
      aria-live="polite"
    >
      <span className="dot" />
      {label}
    </output>
  );
}
