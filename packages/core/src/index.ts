export type { AuthCheck, AuthProps, AuthRule, AuthValueType } from './auth';
export { checkAuth, checkAuthPolicy, compileAuth, isLoggedIn } from './auth';
export type { EnvelopeResult } from './envelope';
export {
  checkApiRequest,
  checkRoomRequest,
  checkSyncRequest,
  isIdempotencyKey,
  isPlainObject,
  isResponseIndex,
  MAX_IDEMPOTENCY_KEY_LENGTH,
} from './envelope';
export type { ErrorCode, ErrorResponse, LuckyErrorOptions, ValidationIssue } from './errors';
export { ERROR_CODES, isErrorCode, isErrorResponse, isLuckyError, LuckyError } from './errors';
export { isOriginAllowed } from './origin';
export type { DisconnectKind, GraceTimes } from './presence';
export { DEFAULT_GRACE_TIMES, disconnectKind } from './presence';
export type {
  ApiRequestMessage,
  ClientToServerEvents,
  ForceLogoutMessage,
  ResponseKind,
  ResponseMessage,
  RoomRequestMessage,
  ServerToClientEvents,
  SuccessResponse,
  SyncConfirmation,
  SyncDelivery,
  SyncReceiver,
  SyncRequestMessage,
  UserAfkMessage,
  UserPresenceMessage,
} from './protocol';
export { EVENTS, responseEvent } from './protocol';
export type { RequestTrackerOptions, TrackedRequest, TrackOptions } from './requestTracker';
export { RequestTracker } from './requestTracker';
export type { Result } from './result';
export { checkRoomCode, INTERNAL_ROOM_PREFIX, MAX_ROOM_CODE_LENGTH } from './roomCode';
export type { BuiltInApi, RouteKind } from './routeName';
export {
  BUILT_IN_APIS,
  isBuiltInApi,
  MAX_ROUTE_NAME_LENGTH,
  parseWireName,
  pathSegments,
  resolveRouteName,
  toWireName,
} from './routeName';
export type {
  ApiCallInput,
  ApiCallOutput,
  ApiHandlerShape,
  ApiInput,
  ApiKey,
  ApiName,
  ApiOutput,
  ApiRouteFor,
  BuiltInOutputs,
  Register,
  RegisteredRoutes,
  RouteTableShape,
  SessionLayout,
  SyncClientData,
  SyncClientShape,
  SyncEvent,
  SyncHandlerShape,
  SyncInput,
  SyncKey,
  SyncName,
  SyncRouteFor,
  SyncServerOutput,
  SyncServerShape,
  UntypedRoutes,
} from './routes';
export type { InferInput, InferOutput, StandardIssue, StandardResult, StandardSchema } from './schema';
export type { StatusEvent } from './socketStatus';
export { INITIAL_SOCKET_STATUS, nextPeerDeadline, reduceSocketStatus } from './socketStatus';
export type {
  ConnectedStatus,
  DisconnectedStatus,
  ReconnectingStatus,
  SelfStatus,
  SocketStatus,
  SocketStatusEntry,
  SocketStatusValue,
} from './status';
export type { Listener, Readable } from './store';
export { Store } from './store';
export type { TokenBucketOptions } from './tokenBucket';
export { TokenBucket } from './tokenBucket';
export { isStandardSchema, validateInput } from './validation';
