/** The engine's public face: what the CLI, the worker and the tests import. */
export * from './geometry';
export * from './bits';
export * from './commands';
export * from './events';
export * from './model';
export * from './report';
export * from './view';
export { createEngine, type Engine } from './engine/engine';
