import type { BrowserContext, Page } from 'playwright-core';

/** A link with a `#heading` to a page of the same site. */
interface AnchorLink {
  from: string;
  path: string;
  id: string;
}

export interface SiteCrawl {
  /** The paths of every page reached, in the order found. */
  pages: string[];
  /** Same-site links followed (pages' `<a href>`, with duplicates). */
  links: number;
  /** Of those, links with a `#heading`; each must name an element of its page. */
  anchors: number;
  /** Console errors, uncaught exceptions, failed requests, bad statuses and missing headings. */
  problems: string[];
  /** Requests to any host but the site's, which the crawl blocks. */
  foreignRequests: string[];
}

const pagesAtOnce = 3;

/**
 * Opens every page reachable from `home` by following the site's own links (breadth first), each with
 * a fresh load, and reports what went wrong on any of them. Requests to other hosts are recorded and
 * blocked, so the crawl never leaves the machine.
 */
export async function crawlSite(context: BrowserContext, home: string): Promise<SiteCrawl> {
  const origin = new URL(home).origin;
  const crawl: SiteCrawl = { pages: [], links: 0, anchors: 0, problems: [], foreignRequests: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    crawl.foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });

  const seen = new Set<string>();
  const queue: string[] = [];
  const idsByPath = new Map<string, Set<string>>();
  const anchorLinks: AnchorLink[] = [];
  const enqueue = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    queue.push(path);
    crawl.pages.push(path);
  };
  enqueue(new URL(home).pathname);

  const visit = async (page: Page, path: string) => {
    const response = await page.goto(`${origin}${path}`);
    if (!response?.ok()) crawl.problems.push(`${path}: status ${response?.status()}`);
    // Hydrated: a mismatch between the built HTML and the app has been reported by now.
    await page.waitForFunction(() => '__vue_app__' in (document.querySelector('#app') ?? {}), undefined, {
      polling: 20,
    });
    idsByPath.set(
      path,
      new Set(await page.$$eval('[id]', (elements) => elements.map((element) => element.id))),
    );
    const hrefs = await page.$$eval('a[href]', (anchors) =>
      anchors.map((anchor) => (anchor as HTMLAnchorElement).href),
    );
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      crawl.links++;
      if (url.hash.length > 1) {
        crawl.anchors++;
        anchorLinks.push({ from: path, path: url.pathname, id: decodeURIComponent(url.hash.slice(1)) });
      }
      enqueue(url.pathname);
    }
  };

  const worker = async () => {
    const page = await context.newPage();
    let current = '';
    page.on('console', (message) => {
      if (message.type() === 'error') crawl.problems.push(`${current}: console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => crawl.problems.push(`${current}: ${error.name}: ${error.message}`));
    page.on('requestfailed', (request) => {
      if (new URL(request.url()).origin !== origin) return; // counted as foreign instead
      // Cancelled by the crawl moving on (the site prefetches linked pages when idle); a missing
      // file still shows as its 404 response.
      if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
      crawl.problems.push(`${current}: request failed: ${request.url()} (${request.failure()?.errorText})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400)
        crawl.problems.push(`${current}: ${response.status()} for ${response.url()}`);
    });
    // Workers take pages until the queue is empty and no other worker can add more.
    for (;;) {
      const path = queue.shift();
      if (path === undefined) {
        if (busy === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      busy++;
      current = path;
      try {
        await visit(page, path);
      } finally {
        busy--;
      }
    }
    await page.close();
  };
  let busy = 0;
  await Promise.all(Array.from({ length: pagesAtOnce }, worker));

  for (const { from, path, id } of anchorLinks) {
    if (!idsByPath.get(path)?.has(id))
      crawl.problems.push(`${from}: links to ${path}#${id}, which has no such id`);
  }
  return crawl;
}
