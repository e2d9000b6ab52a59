export type { LuckyConfig, LuckyConfigInput } from './config';
export { DEFAULT_CONFIG, resolveConfig } from './config';
export type { CreateLuckyServerOptions } from './createLuckyServer';
export { createLuckyServer } from './createLuckyServer';
export type { PlainApi, SchemaApi } from './defineApi';
export { defineApi } from './defineApi';
export type { RoutesInput } from './defineRoutes';
export { defineRoutes } from './defineRoutes';
export type {
  SyncClientArgs,
  SyncClientResult,
  SyncClientSide,
  SyncDefinition,
  SyncServerArgs,
  SyncServerResult,
  SyncServerSide,
} from './defineSync';
export { defineSync } from './defineSync';
export type { GeneratedRoutes, GenerateRoutesOptions } from './generateRoutes';
export { generateRoutes } from './generateRoutes';
export type { IdempotencyClaim, IdempotencyStore } from './idempotency/IdempotencyStore';
export { MemoryIdempotencyStore } from './idempotency/MemoryIdempotencyStore';
export { LuckyServer } from './LuckyServer';
export { createToken } from './sessions/createToken';
export type { MemorySessionStoreOptions } from './sessions/MemorySessionStore';
export { MemorySessionStore } from './sessions/MemorySessionStore';
export type { SessionStore } from './sessions/SessionStore';
export type {
  ApiArgs,
  AppContext,
  HandlerFunctions,
  Logger,
  RouteTable,
  ScaleOut,
  SessionHelpers,
  UserFor,
} from './types';
