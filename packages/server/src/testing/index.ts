export type { TestCaller, TestCallerOptions, TestCallOptions } from './createTestCaller';
export { createTestCaller } from './createTestCaller';
