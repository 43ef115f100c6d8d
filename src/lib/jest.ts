/** `import 'hookscope/jest'` (e.g. in `setupFilesAfterEach`): adds the hookscope matchers to jest's global expect. */
import { hookscopeMatchers, type HookscopeMatchers } from './matchers.ts';

declare const expect: { extend(matchers: Record<string, unknown>): void };
expect.extend(hookscopeMatchers);

declare global {
  namespace jest {
    interface Matchers<R> extends HookscopeMatchers<R> {}
  }
}

export { hookscopeMatchers };
