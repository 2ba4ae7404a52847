// A package that cannot be read as one: damaged, or a zip that is not what it
// claims. Its message says what, in Chinese; the caller names the file.
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}
