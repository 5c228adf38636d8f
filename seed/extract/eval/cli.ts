// `npm run eval:extract [-- --quiet]`: the evaluation table of the document extractor.
import { evaluate, formatTable } from './evaluate.js';

const rows = await evaluate();
console.log(formatTable(rows, !process.argv.includes('--quiet')));
