/**
 * Receives a warning: something that looks wrong but does not stop the work
 * (e.g. substitution costs that break the triangle inequality).
 */
export type WarningReporter = (message: string) => void;

/**
 * The default reporter: a Node process warning of type `LoopbaanWarning`
 * (printed once on stderr; `process.on('warning', ...)` receives it).
 *
 * @example
 * processWarning('substitution costs break the triangle inequality: ...');
 */
export const processWarning: WarningReporter = (message) => process.emitWarning(message, { type: 'LoopbaanWarning' });
