// Packs the repository the way `npm publish` would and installs the tarball into an empty
// project, so the tests see exactly what a user of `npx sso-gitops@<version>` gets.
//
// Why the install goes through a lockfile: `npm ci` fills npm's cache with the tarballs of
// every locked package, but not with the registry's metadata documents, and resolving the
// tarball's version ranges (`npm install --offline <tarball>`) needs those documents, so it
// fails with ENOTCACHED without the network. The project therefore gets a lockfile holding
// the packed tarball plus the repository's own non-dev lock entries (the versions this
// suite tested), and `npm ci --offline` installs it from the cache alone. A runtime
// dependency missing from package.json "dependencies" is still caught: development-only
// packages are not in that lockfile, so the installed CLI would fail to import it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  [key: string]: unknown;
}

interface PackageJson {
  name: string;
  version: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
}

export interface Packed {
  tarball: string;
  /** Paths inside the package, as npm lists them (`package/` prefix removed). */
  files: string[];
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function readPackageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/**
 * `npm pack` of `dir` into `destination` (or a dry run, which writes nothing). Scripts are
 * skipped: the build is `npm test`'s first step, and a pack must not rebuild the dist/
 * that other tests are running.
 */
export function pack(dir: string, destination: string, options: { dryRun?: boolean } = {}): Packed {
  const args = ['pack', '--json', '--ignore-scripts', '--pack-destination', destination];
  if (options.dryRun) args.push('--dry-run');
  const [report] = JSON.parse(npm(args, dir)) as [{ filename: string; files: { path: string }[] }];
  return { tarball: join(destination, report.filename), files: report.files.map((f) => f.path).sort() };
}

/** Installs `tarball` (packed from `repo`) into the new project directory `app`, offline. */
export function installOffline(repo: string, tarball: string, app: string): void {
  const pkg = readPackageJson(repo);
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const spec = `file:${tarball}`;
  const packages: Record<string, unknown> = {
    '': { dependencies: { [pkg.name]: spec } },
    [`node_modules/${pkg.name}`]: { version: pkg.version, resolved: spec, dependencies: pkg.dependencies, bin: pkg.bin },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path !== '' && !entry.dev && !entry.devOptional) packages[path] = entry;
  }
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, dependencies: { [pkg.name]: spec } }));
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages }));
  npm(['ci', '--offline', '--no-audit', '--no-fund'], app);
}
