// The one error type that crosses into the CLI boundary as a plain message.
import type { Diagnostic } from './diagnostic.js';

/** Bad input or environment, explained for the user; never shown with a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}
