// `sso-gitops validate`: loads the state directory and reports every problem at once.
// It needs no AWS access and must not load the AWS SDK (only src/load and the SDK-free
// src/plan/expiry.ts are imported).
import { compareDiagnostics, formatDiagnostic } from '../../model/types.js';
import { staleExpiries } from '../../plan/expiry.js';
import { loadState } from '../../load/load.js';
import { EXIT_ERROR, EXIT_OK, type Command } from '../command.js';
import { DIR_OPTION, parseFlags } from '../options.js';
import { plural } from '../../model/plural.js';

const USAGE = `usage: sso-gitops validate [--dir DIR]

Checks the state files without contacting AWS: YAML, the JSON Schema, names that
must resolve within the files, and AWS limits; warns about entries whose expiresAt
passed more than 7 days ago (remove them). Every error and warning is printed
to stderr as path:line:col: message. Exit 0 when there is no error, 1 otherwise.

options:
  --dir DIR   the state directory (default: identity)`;

export const command: Command = {
  name: 'validate',
  summary: 'check the state files (no AWS access)',
  usage: USAGE,
  async run(argv) {
    const { dir } = parseFlags('validate', argv, DIR_OPTION);
    const loaded = await loadState(dir);
    const { state } = loaded;
    // entries long expired count for nothing but clutter: a warning asks to remove them
    const diagnostics = state ? [...loaded.diagnostics, ...staleExpiries(state, new Date())].sort(compareDiagnostics) : loaded.diagnostics;
    for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    if (!state) {
      process.stderr.write(`${dir}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
      return EXIT_ERROR;
    }
    const counts = [
      plural(state.users.length, 'user'),
      plural(state.groups.length, 'group'),
      plural(state.permissionSets.length, 'permission set'),
      plural(state.assignments.length, 'assignment'),
    ].join(', ');
    const warned = warnings > 0 ? ` (${plural(warnings, 'warning')})` : '';
    process.stdout.write(`${dir}: valid, ${plural(state.files.length, 'file')}: ${counts}${warned}\n`);
    return EXIT_OK;
  },
};
