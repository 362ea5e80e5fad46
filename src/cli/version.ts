/**
 * The tool's version, from package.json: the CLI bundle (scripts/bundle-cli.js) inlines the file
 * when it is built, so the version printed and put in every JSON element is never written by hand.
 */
export const VERSION: string = (require('../../package.json') as { version: string }).version;

/** The JSON contract's version (docs/selfeval-result.schema.json): raised when an element changes shape. */
export const SCHEMA_VERSION = '1.0';
