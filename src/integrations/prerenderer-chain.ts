import type { AstroIntegration } from 'astro';

type BuildStart = NonNullable<AstroIntegration['hooks']['astro:build:start']>;
type SetPrerenderer = Parameters<BuildStart>[0]['setPrerenderer'];
type PrerendererOrFactory = Parameters<SetPrerenderer>[0];
/** Astro's prerenderer, as `setPrerenderer` takes it (the type is not exported by name). */
export type Prerenderer = Exclude<PrerendererOrFactory, (...args: never[]) => unknown>;
type Wrap = (base: Prerenderer) => Prerenderer;

/**
 * Astro keeps only the last prerenderer set in `astro:build:start`. Two of
 * the project's integrations wrap it (kept-output picks the paths to
 * render, search-index renders its records first), so the integrations
 * are handed a `setPrerenderer` that wraps what the earlier ones set: the
 * first in the list is innermost, next to Astro's default prerenderer.
 */
export function chainPrerenderers(integrations: AstroIntegration[]): AstroIntegration[] {
  let wraps: Wrap[] = [];
  const composed: Wrap = (base) => wraps.reduce((inner, wrap) => wrap(inner), base);
  const reset: AstroIntegration = {
    name: 'prerenderer-chain',
    hooks: { 'astro:build:start': () => void (wraps = []) },
  };
  const chained = integrations.map((integration): AstroIntegration => {
    const hook = integration.hooks['astro:build:start'];
    if (!hook) return integration;
    return {
      ...integration,
      hooks: {
        ...integration.hooks,
        'astro:build:start': (params) =>
          hook({
            ...params,
            setPrerenderer: (prerenderer: PrerendererOrFactory) => {
              wraps.push(typeof prerenderer === 'function' ? prerenderer : () => prerenderer);
              params.setPrerenderer(composed);
            },
          }),
      },
    };
  });
  return [reset, ...chained];
}
