// A writer process of the audit-lock test: appends COUNT pending entries one at a time to FILE, each
// followed by its outcome, as a server process or the seed CLI would.
import { AuditLog, auditedWrite } from '../../../graph/audit-log.js';

const [file, name, count] = process.argv.slice(2);
const log = new AuditLog(file);
for (let i = 0; i < Number(count); i++) {
  await auditedWrite(log, { role: 'cli', fingerprint: name }, (appendPending) =>
    appendPending([
      { action: 'lockTest', target: `${name}:${i}`, before: null, after: { i, pad: 'x'.repeat(i * 37) } },
    ]),
  );
}
