import { render } from 'preact';
import { App } from './App';
import { initLanguage } from './i18n';
import './styles.css';

initLanguage();
const root = document.getElementById('app');
if (root) render(<App />, root);
