// What a database going away looks like to the driver, in every form seen while Neo4j stops or starts,
// becomes DATABASE_UNAVAILABLE (never a masked internal error). The fault suite provokes these for real;
// this pins each form so a rare timing window cannot hide a regression.
import { describe, expect, it } from 'vitest';
import { GraphError } from '../../graph/errors.js';
import { mapDriverError } from '../../graph/executor.js';

const driverError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('driver errors of a database going away', () => {
  it.each([
    ['ServiceUnavailable', 'Connection was closed by server'],
    ['SessionExpired', 'No longer possible to write to server'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'The database is not currently available to serve your request'],
    ['', 'connect ECONNREFUSED 127.0.0.1:7688'],
    ['', 'Connection acquisition timed out in 5000 ms.'],
  ])('%s %s → DATABASE_UNAVAILABLE', (code, message) => {
    const mapped = mapDriverError(driverError(code, message));
    expect(mapped).toBeInstanceOf(GraphError);
    expect((mapped as GraphError).code).toBe('DATABASE_UNAVAILABLE');
    expect((mapped as GraphError).message).toMatch(/not answering/);
  });

  it('leaves a syntax error alone (the API reports those itself)', () => {
    const error = driverError('Neo.ClientError.Statement.SyntaxError', 'Invalid input');
    expect(mapDriverError(error)).toBe(error);
  });
});
