// The data-flow rules of the design, checked on the source: only src/aws talks to AWS
// (the model, loader, diff, the kinds' descriptors (src/kinds), renderers, apply engine and
// extract are SDK-free, and the pure stages import no AWS file), and the
// reconciler never imports the sandbox (an independent emulator would prove nothing if
// the tool shared its code).
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles, SRC } from './source-files.js';

function offenders(layers: string[], forbidden: (specifier: string, file: string) => boolean): string[] {
  return layers.flatMap((layer) =>
    sourceFiles(join(SRC, layer)).flatMap((file) =>
      importsOf(file)
        .filter((s) => forbidden(s, file))
        .map((s) => `src/${relative(SRC, file)} imports ${s}`),
    ),
  );
}

describe('layer boundaries', () => {
  it('finds the source it checks', () => {
    expect(sourceFiles(join(SRC, 'plan')).length).toBeGreaterThan(5);
  });

  it('only src/aws imports the AWS SDK', () => {
    const sdkFree = ['model', 'load', 'plan', 'kinds', 'render', 'apply', 'extract', 'testing'];
    expect(offenders(sdkFree, (s) => s.startsWith('@aws-sdk/') || s.startsWith('@smithy/'))).toEqual([]);
  });

  it('the diff core and the kinds never import an AWS file (they reach AWS only through the writer port)', () => {
    expect(offenders(['model', 'plan', 'kinds', 'render', 'apply'], (s) => /(^|\/)aws\//.test(s))).toEqual([]);
  });

  it('the reconciler never imports the sandbox', () => {
    const reconciler = ['model', 'load', 'plan', 'kinds', 'render', 'apply', 'extract', 'aws'];
    expect(offenders(reconciler, (s) => /(^|\/)sandbox\//.test(s))).toEqual([]);
  });

  it('the sandbox imports nothing of the reconciler', () => {
    expect(offenders(['sandbox'], (s) => /^\.\.\/(\.\.\/)?(aws|plan|kinds|apply|load|render|extract|cli)\//.test(s))).toEqual([]);
  });
});
