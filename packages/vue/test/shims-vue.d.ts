// Lets plain tsc read the tests' .vue imports; vue-tsc and the vue() plugin see the real components.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';

  const component: DefineComponent<{ [prop: string]: unknown }>;
  export default component;
}
