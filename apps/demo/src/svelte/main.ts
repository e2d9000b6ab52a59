import '../_client/styles.css';
import { mount } from 'svelte';
import { startTab } from '../_client/startTab';
import Root from './Root.svelte';

const tab = startTab();

mount(Root, { target: document.getElementById('app')!, props: tab });
