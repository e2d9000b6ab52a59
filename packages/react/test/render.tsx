import type { LuckyClient } from '@luckystack/client';
import type { RouteTableShape } from '@luckystack/core';
import { render } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { LuckyProvider } from '../src';

const Plain = ({ children }: { children: ReactNode }) => children;

/** Every component suite runs twice: as is, and under StrictMode's double render and double mount. */
export const modes = [
  { mode: 'plain', Mode: Plain },
  { mode: 'StrictMode', Mode: StrictMode },
];

/** Renders `ui` below a provider of `client`, wrapped in `Mode`; `rerender` keeps both. */
export function renderWith(client: LuckyClient<RouteTableShape>, ui: ReactNode, Mode = Plain) {
  const tree = (node: ReactNode) => (
    <Mode>
      <LuckyProvider client={client}>{node}</LuckyProvider>
    </Mode>
  );
  const view = render(tree(ui));
  return { ...view, rerender: (next: ReactNode) => view.rerender(tree(next)) };
}
