export { adminContext, adminHandlers } from './admin-handlers';
export {
  ADMIN_CONTEXT,
  type AdminContext,
  AdminInputError,
  type AdminOptions,
  type AdminRoute,
  type AdminRoutes,
  adminRoutes,
  parseJson,
} from './admin-routes';
export { startAdminServer } from './admin-server';
export { ADMIN_TOKEN_VARIABLE, adminHeaders, adminToken } from './admin-token';
export { VirtualClock } from './clock';
export {
  BRIDGED_CONTAINER_VARIABLE,
  loopbackHost,
  type MockOptions,
  type StartedMock,
  urlHost,
} from './contract';
export {
  defineMock,
  type ListenContext,
  listenOn,
  type MockAdmin,
  type MockDefinition,
  type MockListeners,
} from './define-mock';
export { type Fault, FaultPlan } from './faults';
export { type FaultReplies, faultStatus, type HttpReply } from './http-faults';
export { answerFailure, type Guard, respond, serveGuarded } from './http-guard';
export { ADMIN_DATA_MAX_BODY, ADMIN_MAX_BODY, EWS_MAX_CONTENT, IIS_DEFAULT_MAX_CONTENT } from './http-limits';
export { excerpt, Journal, type JournalEntry, type JournalInput, ownSummary } from './journal';
export { closeServer, listenOnLoopback, stopOnce } from './listen';
export { MechanismSwitches } from './mechanism-switches';
export { type MockCore, mockCore } from './mock-core';
export { type Site, serveHandlers } from './msw-adapter';
export { pathIs } from './path-pattern';
export { BodyAborted, BodyTooLarge, discardBody, readBody } from './request-body';
export { requestBytes } from './request-bytes';
export { type Authentication, type Prologue, prologue, type Served } from './resolver-prologue';
export { unmatchedRequests } from './unmatched';
