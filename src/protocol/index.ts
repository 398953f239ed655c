/** The page ↔ worker protocol: message types, snapshot types and their guards. */
export * from './messages';
export * from './guards';
export * from './scale';
