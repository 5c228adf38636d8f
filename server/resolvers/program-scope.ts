// Which program a read field answers for: the programId asked for (an unknown one is an error), else
// KG_DEFAULT_PROGRAM when that program is in the graph (a graph without it answers unscoped, as before).
import type { ManagedTransaction } from 'neo4j-driver';
import { type ProgramScope, programScope } from '../../graph/queries/programs.js';
import type { AppContext } from '../context.js';
import { badUserInput } from '../errors.js';

export async function scopeFor(
  tx: ManagedTransaction,
  context: AppContext,
  programId: string | null | undefined,
  useDefault: boolean,
): Promise<ProgramScope | null> {
  if (programId) {
    const scope = await programScope(tx, programId);
    if (!scope) throw badUserInput(`There is no program ${JSON.stringify(programId)}; see programs { id name }.`);
    return scope;
  }
  return useDefault ? programScope(tx, context.config.defaultProgram) : null;
}
