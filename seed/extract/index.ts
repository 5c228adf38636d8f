// The document extractor's public face (ingestion contract section 2): read a file or pasted text into
// the stored text, and propose what it states. Pure: no database (the dictionary comes from graph/).
export { EMPTY_DICTIONARY } from '../../graph/queries/dictionary.js';
export { extractFacts } from './extract.js';
export { readDocument } from './read/read-document.js';
export * from './types.js';
