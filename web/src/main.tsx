import { createRoot } from 'react-dom/client';
import { sessionStart } from './api';
import { App } from './App';
import './styles.css';

// First, before anything renders: take the session from the address bar (one-time link or token)
// into this tab's sessionStorage, and clear the address bar.
void sessionStart().then((problem) => createRoot(document.getElementById('root')!).render(<App launchProblem={problem} />));
