import { createLuckyClient } from '@luckystack/client';
import { luckyStack } from '@luckystack/vue';
import { createApp } from 'vue';
import App from './App.vue';

const client = createLuckyClient({ url: 'http://127.0.0.1:3000' });

createApp(App).use(luckyStack(client)).mount('#app');
