export { type Routes, routes } from '../../../testing/bindingRoutes';
