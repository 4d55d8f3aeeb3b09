// Removes what `npm run build` produces before it builds again, so that a file whose source
// was deleted or left the build (test support, for example) never lingers in dist/ and
// ships with the package. dist/test (the benchmarks' build) is left alone.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
for (const part of ['src', 'schema']) rmSync(join(dist, part), { recursive: true, force: true });
