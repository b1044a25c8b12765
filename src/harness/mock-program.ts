import { existsSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { compileMocks, copyAssets, imageInputsHash, PROJECT } from './container/image-context';

let program: string | undefined;

/**
 * The mock code compiled to JavaScript, as the mock image holds it, for mock processes on this host:
 * a process then starts in a fraction of a second instead of loading the TypeScript compiler. Built
 * once per set of inputs under .tmp/mock-program/<hash>/ (written aside, then renamed into place, so
 * two workers building at once never see half of it); returns the path of serve-one.js.
 */
export function mockProgram(): string {
  if (program) return program;
  const dir = join(PROJECT, '.tmp', 'mock-program', imageInputsHash('host'));
  const entry = join(dir, 'mocks', 'serve-one.js');
  if (!existsSync(entry)) {
    const building = `${dir}.${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    compileMocks(building);
    copyAssets(join(PROJECT, 'mocks'), join(building, 'mocks'));
    symlinkSync(join(PROJECT, 'node_modules'), join(building, 'node_modules'), 'dir');
    mkdirSync(join(dir, '..'), { recursive: true });
    try {
      renameSync(building, dir);
    } catch (error) {
      // Another worker put the same build in place first: use it.
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(entry)) throw error;
    }
  }
  program = entry;
  return program;
}
