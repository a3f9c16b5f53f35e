import { render } from 'preact';
import { App } from './App';
import { initLanguage } from './i18n';
import { parseRoute } from './router';
import { prefetchPipeline } from './screens/PipelineScreen';
import './styles.css';

initLanguage();
if (parseRoute(location.hash).name === 'pipeline') prefetchPipeline();
const root = document.getElementById('app');
if (root) render(<App />, root);
