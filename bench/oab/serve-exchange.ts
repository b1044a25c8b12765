/** The Exchange mock on its own process for the benchmark, so its memory is measured apart from the client's. */
import { startExchangeMock } from '../../mocks/exchange';

startExchangeMock({}).then((mock) => {
  console.log(JSON.stringify(mock.urls));
  process.once('SIGTERM', () => mock.stop().then(() => process.exit(0)));
});
