// Which module draws which view. The views a first visit needs are bundled; the researcher and
// curation views load on first use.
import type { ViewName } from '../url-state.js';
import type { View } from '../view-context.js';
import { chainView } from './chain.js';
import { explorerView } from './explorer.js';
import { gapsView } from './gaps.js';
import { overviewView } from './overview.js';
import { responsibilityView } from './responsibility.js';

export async function loadView(name: ViewName): Promise<View> {
  switch (name) {
    case 'overview':
      return overviewView();
    case 'chain':
      return chainView();
    case 'responsibility':
      return responsibilityView();
    case 'explorer':
      return explorerView();
    case 'gaps':
      return gapsView();
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
