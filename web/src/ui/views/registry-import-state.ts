// The registry import view's part of the URL: the job whose report is shown (a report opens by link).
import { type Section, text } from '../url-params.js';

export interface RegistryImportState {
  job: string | null;
}

export const registryImportSection: Section<RegistryImportState> = { job: text };
