/** The package's version (`hookscope --version`). */
import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = (pkg as { version: string }).version;
