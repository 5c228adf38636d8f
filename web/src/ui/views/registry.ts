// Which module draws which view. Only the overview (the first view) is in the main bundle; every
// other view is its own chunk, loaded on first use (Vite preloads the chunks it shares with others).
import type { ViewName } from '../url-state.js';
import type { View } from '../view-context.js';
import { overviewView } from './overview.js';

export async function loadView(name: ViewName): Promise<View> {
  switch (name) {
    case 'overview':
      return overviewView();
    case 'chain':
      return (await import('./chain.js')).chainView();
    case 'responsibility':
      return (await import('./responsibility.js')).responsibilityView();
    case 'explorer':
      return (await import('./explorer.js')).explorerView();
    case 'gaps':
      return (await import('./gaps.js')).gapsView();
    case 'cypher':
      return (await import('./cypher.js')).cypherView();
    case 'curation':
      return (await import('./curation.js')).curationView();
    case 'ingest':
      return (await import('./ingest.js')).ingestView();
    case 'registry-import':
      return (await import('./registry-import.js')).registryImportView();
    case 'review':
      return (await import('./review.js')).reviewView();
  }
}
