// Lets plain tsc read the .vue and .svelte imports; the Vite plugins (and vue-tsc, svelte-check) see the real
// components.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';

  const component: DefineComponent<{ [prop: string]: unknown }>;
  export default component;
}

declare module '*.svelte' {
  import type { Component } from 'svelte';

  const component: Component<Record<string, unknown>>;
  export default component;
}
