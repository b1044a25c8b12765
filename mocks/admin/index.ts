export {
  AdminInputError,
  type AdminOptions,
  type AdminRoute,
  adminRoutes,
  handleAdmin,
  startAdminServer,
} from './admin-server';
export { VirtualClock } from './clock';
export { loopbackHost, type MockOptions, type StartedMock, urlHost } from './contract';
export { type Fault, FaultPlan } from './faults';
export { Journal, type JournalEntry, type JournalInput } from './journal';
export { closeServer, listenOnLoopback, stopOnce } from './listen';
export { type MockCore, mockCore } from './mock-core';
