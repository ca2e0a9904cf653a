// The search page's script: reads the search from the address (`?q=…`),
// runs it against the edition's Pagefind bundle and lists the results.
// Only the search page loads it (SearchResults.astro).
import {
  SEARCH_PARAMS,
  loadBundles,
  pagefindSearch,
  readSearchRequest,
  resultView,
  searchQueryString,
  type PagefindBundles,
  type ResultView,
  type SearchRequest,
} from '../lib/search-query';

/** The part of Pagefind's browser API this page uses (pagefind.js, version 1). */
interface Pagefind extends PagefindBundles {
  search(term: string | null, options: Record<string, unknown>): Promise<Found | null>;
}

/** Pagefind's answer to a search. */
interface Found {
  results: { data(): Promise<{ url: string; meta: Record<string, string> }> }[];
}

/** Results shown at once; "More results" shows as many again. */
const PAGE = 10;

const root = document.querySelector<HTMLElement>('[data-search-bundle]');
if (root) start(root);

function start(root: HTMLElement): void {
  const bundle = root.dataset['searchBundle'] ?? '';
  // One bundle per recent month and per older year (or part of one),
  // newest first: the newest is loaded, the others merged into it.
  const bundles = (root.dataset['searchBundles'] ?? '').split(' ').filter(Boolean);
  const form = root.querySelector('form');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-list]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!form || !status || !list || !more) return;
  const labels = {
    results: root.dataset['labelResults'] ?? '',
    none: root.dataset['labelNone'] ?? '',
  };
  let pagefind: Promise<Pagefind> | undefined;
  const load = (): Promise<Pagefind> =>
    (pagefind ??= (
      import(/* @vite-ignore */ `${bundle}${bundles[0] ?? ''}/pagefind.js`) as Promise<Pagefind>
    ).then((module) => loadBundles(module, bundle, bundles)));
  // Pagefind orders merged results by score, and a sorted search's score is
  // the rank inside its own bundle: newest first across bundles is each
  // bundle's sorted results, the newest bundle first.
  const find = async (
    search: NonNullable<ReturnType<typeof pagefindSearch>>,
  ): Promise<Found | null> => {
    const module = await load();
    if (!search.options.sort || bundles.length < 2)
      return module.search(search.term, search.options);
    const perBundle = await Promise.all(
      bundles.map((key) =>
        module.search(search.term, {
          ...search.options,
          filters: { ...search.options.filters, bundle: key },
        }),
      ),
    );
    if (perBundle.some((found) => found === null)) return null;
    return { results: perBundle.flatMap((found) => found?.results ?? []) };
  };
  let latest = 0;

  const show = async (request: SearchRequest): Promise<void> => {
    const run = ++latest;
    fill(form, request);
    const search = pagefindSearch(request);
    list.replaceChildren();
    more.hidden = true;
    status.textContent = '';
    if (!search) return;
    list.setAttribute('aria-busy', 'true');
    const found = await find(search);
    if (!found || run !== latest) return;
    const { results } = found;
    status.textContent =
      results.length === 0
        ? labels.none
        : `${results.length.toLocaleString(document.documentElement.lang)} ${labels.results}`;
    let shown = 0;
    const next = async (): Promise<void> => {
      const page = results.slice(shown, shown + PAGE);
      shown += page.length;
      const views = await Promise.all(page.map(async (result) => resultView(await result.data())));
      if (run !== latest) return;
      list.append(...views.map(resultItem));
      list.setAttribute('aria-busy', 'false');
      more.hidden = shown >= results.length;
    };
    more.onclick = () => void next();
    await next();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string') params.append(name, value);
    }
    const request = readSearchRequest(params);
    history.pushState(null, '', `${location.pathname}${searchQueryString(request)}`);
    void show(request);
  });
  for (const select of form.querySelectorAll('select')) {
    select.addEventListener('change', () => form.requestSubmit());
  }
  window.addEventListener('popstate', () => void show(readSearchRequest(location.search)));
  void show(readSearchRequest(location.search));
}

/** Puts the search in the form's fields, so what is shown and what is asked agree. */
function fill(form: HTMLFormElement, request: SearchRequest): void {
  const set = (name: string, value: string) => {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) {
      field.value = value;
    }
  };
  set(SEARCH_PARAMS.query, request.query);
  set(SEARCH_PARAMS.section, request.section);
  set(SEARCH_PARAMS.author, request.author);
  set(SEARCH_PARAMS.order, request.order);
}

/** One result: section (and kind), headline linking to the story, standfirst, date. */
function resultItem(view: ResultView): HTMLLIElement {
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = '') => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  };
  const item = element('li', 'result');
  const label = element('p', 'result-label', view.section);
  if (view.kind) label.append(' · ', element('span', 'result-kind', view.kind));
  const heading = element('h2', 'result-headline');
  const link = element('a', '', view.headline);
  link.href = view.url;
  heading.append(link);
  const time = element('time', '', view.date);
  time.dateTime = view.datetime;
  const date = element('p', 'result-date');
  date.append(time);
  item.append(label, heading, element('p', 'result-dek', view.standfirst), date);
  return item;
}
