import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { productName } from './product';
import './styles.css';
import './styles-registers.css';
import './styles-escalations.css';
import './styles-meetings.css';
import './styles-board-calendar.css';
import './styles-pickers.css';
import './styles-grassroots.css';
import './styles-returns.css';

document.title = productName();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
