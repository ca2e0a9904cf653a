// Lets the writer's command line (scripts/new-article.ts, scripts/translate.ts)
// run on Node 24's TypeScript type stripping and still import the content
// rules in src/lib/, which are written for Vite and import each other
// without the `.ts` extension Node asks for: a relative import that Node
// cannot find is tried again with `.ts`. Loaded with `node --import`.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const relative = /^\.\.?\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier);
      if (relative && error?.code === 'ERR_MODULE_NOT_FOUND') {
        return nextResolve(`${specifier}.ts`, context);
      }
      throw error;
    }
  },
});
