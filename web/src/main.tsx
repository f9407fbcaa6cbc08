import { createRoot } from 'react-dom/client';
import { tokenAdopt } from './api';
import { App } from './App';
import './styles.css';

// First, before anything renders: move the token from the address bar into this tab's sessionStorage.
tokenAdopt();

createRoot(document.getElementById('root')!).render(<App />);
