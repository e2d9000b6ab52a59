import '../_client/styles.css';
import { luckyStack } from '@luckystack/vue';
import { createApp } from 'vue';
import { startTab } from '../_client/startTab';
import VueRoom from './VueRoom.vue';

const { client, roster, known } = startTab();

createApp(VueRoom, { roster, known }).use(luckyStack(client)).mount('#app');
