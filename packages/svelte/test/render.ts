import type { LuckyClient } from '@luckystack/client';
import type { RouteTableShape } from '@luckystack/core';
import { render } from '@testing-library/svelte';
import type { Component } from 'svelte';
import Provider from './Provider.svelte';

interface ProviderProps<T extends RouteTableShape, P extends Record<string, unknown>> {
  client: LuckyClient<T>;
  child: Component<P>;
  props: P;
}

/** Renders `child` under a root component that provides `client` with `setLuckyClient`. */
export function renderWithClient<T extends RouteTableShape, P extends Record<string, unknown>>(
  client: LuckyClient<T>,
  child: Component<P>,
  props: P,
) {
  // `render` cannot infer a generic component's type arguments, so name them through the cast.
  const root = Provider as unknown as Component<ProviderProps<T, P>>;
  return render(root, { props: { client, child, props } });
}
