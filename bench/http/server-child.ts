/**
 * One mock in a process of its own for bench:http: started from the project given by
 * BENCH_PROJECT (this checkout by default, another commit's worktree to compare), it prints its URLs
 * and answers `cpu` messages with its own process CPU, so the figures are the server's alone.
 */
import { join } from 'node:path';

const project = process.env.BENCH_PROJECT ?? join(__dirname, '..', '..');
const { mockFactories } = require(join(project, 'mocks', 'registry'));

async function main(): Promise<void> {
  const name = process.argv[2];
  const mock = await mockFactories[name]({ host: '127.0.0.1', port: 0 });
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  });
  process.once('disconnect', () => mock.stop().then(() => process.exit(0)));
  process.send?.({ urls: mock.urls });
}

main().catch((error) => {
  console.error(`bench:http child: ${error.stack ?? error}`);
  process.exit(1);
});
