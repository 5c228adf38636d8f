// Entry point of the web page: styles, then the application into #root.
import './ui/styles.css';
import { startApp } from './ui/app.js';

startApp(document.getElementById('root')!);
