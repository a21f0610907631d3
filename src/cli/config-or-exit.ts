/**
 * What every command-line tool does first: read the configuration, and on a bad variable print the error (it
 * names the variable and what it accepts) and exit with code 2, the code for a usage error.
 */
import { ConfigError, loadConfig, type Config } from '../config/config.ts';

export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
