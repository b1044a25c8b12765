// Runs the Edge mock in its own process for the benchmark, so the client does not share its event loop.
import { startEdgeMock } from '../../mocks/edge';

startEdgeMock().then((edge) => {
  process.stdout.write(`${JSON.stringify(edge.urls)}\n`);
  process.on('SIGTERM', () => edge.stop().then(() => process.exit(0)));
});
