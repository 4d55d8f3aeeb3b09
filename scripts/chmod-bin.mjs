// tsc does not set the executable bit; npm only does it for installed packages,
// so make the freshly built CLI runnable directly (e.g. by the end-to-end tests).
import { chmodSync, existsSync } from 'node:fs';
const bin = new URL('../dist/src/cli/main.js', import.meta.url);
if (existsSync(bin)) chmodSync(bin, 0o755);
