/** `import 'hookscope/jest'` (e.g. in `setupFilesAfterEach`): adds the hookscope matchers to jest's global expect. */
import { hookscopeMatchers, type HookscopeMatchers } from './matchers.ts';

declare const expect: { extend(matchers: Record<string, unknown>): void };
expect.extend(hookscopeMatchers);

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Matchers<R> extends HookscopeMatchers<R> {}
  }
}

export { hookscopeMatchers };
