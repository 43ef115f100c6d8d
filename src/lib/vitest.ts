/** `import 'hookscope/vitest'` (e.g. in a vitest setup file or the test): adds the hookscope matchers. */
import { expect } from 'vitest';
import { hookscopeMatchers, type HookscopeMatchers } from './matchers.ts';

expect.extend(hookscopeMatchers);

declare module 'vitest' {
  interface Matchers<T = any> extends HookscopeMatchers<T> {}
}

export { hookscopeMatchers };
