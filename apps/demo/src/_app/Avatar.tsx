import { initialOf } from '../_client/presence';

/** A round badge with the user's initial in their colour. */
export function Avatar({ name, color, size = 'md' }: { name: string; color: string; size?: 'sm' | 'md' }) {
  return (
    <span className={`avatar avatar-${size}`} style={{ background: color }} aria-hidden="true">
      {initialOf(name)}
    </span>
  );
}
