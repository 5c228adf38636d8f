// Entry point of the web page: styles, then the application into #root, or the print page of a
// briefing (?view=briefing-print, what Chromium prints to PDF) without the application around it.
import './ui/styles.css';
import { startApp } from './ui/app.js';

const root = document.getElementById('root')!;
const params = new URLSearchParams(location.search);
if (params.get('view') === 'briefing-print')
  void import('./print/briefing-print.js').then((m) => m.showBriefingPrint(root, params.get('print') ?? ''));
else startApp(root);
