/**
 * The bundled mock program's entry point (src/harness/container/mock-bundle.ts): serve-one, run. An
 * ES module has no `require.main === module` to tell it is the program, hence this file of its own.
 */
import { runServeOne } from './serve-one';

runServeOne(process.argv.slice(2));
