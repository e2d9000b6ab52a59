import '../_client/styles.css';
import { LuckyProvider } from '@luckystack/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startTab } from '../_client/startTab';
import { App } from './App';

const tab = startTab();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LuckyProvider client={tab.client}>
      <App roster={tab.roster} sessionKnown={tab.known} />
    </LuckyProvider>
  </StrictMode>,
);
