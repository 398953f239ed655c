/** The scenario language's public face: parse text, print commands, format errors. */
export { parse, MAX_COMMANDS, type ParseResult } from './parser';
export { print, printCommand } from './printer';
export { formatParseError, type ParseError } from './errors';
export { MAX_EXPANSION } from './brackets';
export {
  compareSides,
  parseCompareVs,
  withHugetlbSharing,
  COMPARE_VS,
  SIDE_LABELS,
  type CompareSide,
  type CompareSides,
  type CompareVs,
} from './compareSides';
