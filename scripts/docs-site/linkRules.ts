/**
 * The rules every link of docs/ must keep, so it works both on the site and on GitHub:
 * - a link to another page names its file (`../core.md`), inside docs/, and the file exists;
 * - a `#heading` exists in the target page under GitHub's heading ids (the site uses the same);
 * - a link to a file outside docs/ is a URL to the repository on GitHub, and that file exists;
 * - a site path (`/playground`) names a page of the site.
 * Pure: the pages and the repository's files are given, so the rules are tested without a disk.
 */
import { posix } from 'node:path';
import type { MarkdownPage } from './markdownPage.ts';

export interface Repository {
  /** `https://github.com/<owner>/<name>` */
  url: string;
  branch: string;
  /** Whether a path (relative to the repository root) is a file or a folder of the repository. */
  kindOf(path: string): 'file' | 'folder' | undefined;
  /** The heading ids of a markdown file of the repository outside docs/, if it is one. */
  headingsOf(path: string): Set<string> | undefined;
}

export interface LinkProblem {
  /** The page, relative to docs/. */
  page: string;
  line: number;
  href: string;
  problem: string;
}

export interface LinkCheck {
  problems: LinkProblem[];
  /** Links checked (not counting links to other sites, which are not followed). */
  links: number;
  /** Of those, links with a `#heading`. */
  anchors: number;
}

/** Where docs/ is in the repository. */
const docsRoot = 'docs';

/**
 * @param pages every page, keyed by its path relative to docs/ (`recipes/testing.md`)
 */
export function checkLinks(pages: ReadonlyMap<string, MarkdownPage>, repository: Repository): LinkCheck {
  const result: LinkCheck = { problems: [], links: 0, anchors: 0 };
  for (const [page, { links }] of pages) {
    for (const { href, line } of links) {
      const problem = checkLink(page, href, pages, repository, result);
      if (problem) result.problems.push({ page, line, href, problem });
    }
  }
  return result;
}

function checkLink(
  page: string,
  href: string,
  pages: ReadonlyMap<string, MarkdownPage>,
  repository: Repository,
  counts: LinkCheck,
): string | undefined {
  const [target = '', anchor] = splitAnchor(href);
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    const repositoryPath = repositoryFile(target, repository);
    if (repositoryPath === undefined) return undefined; // another site, or mailto: not followed
    countLink(counts, anchor);
    return checkRepositoryFile(repositoryPath, anchor, repository);
  }
  countLink(counts, anchor);
  if (target === '') return missingHeading(anchor, pages.get(page)?.headings, page);
  if (target.startsWith('/')) return checkSitePath(target, anchor, pages);

  const resolved = posix.normalize(posix.join(posix.dirname(page), decodeURI(target)));
  if (resolved.startsWith('../')) {
    const inRepository = posix.normalize(posix.join(docsRoot, resolved));
    const kind = repository.kindOf(inRepository) === 'folder' ? 'tree' : 'blob';
    const hash = anchor === undefined ? '' : `#${anchor}`;
    return `leaves docs/: link to ${repository.url}/${kind}/${repository.branch}/${inRepository}${hash} instead`;
  }
  const targetPage = pages.get(resolved);
  if (!targetPage) {
    if (!resolved.endsWith('.md') && repository.kindOf(posix.join(docsRoot, resolved)) === 'file')
      return undefined; // an asset
    return `no page docs/${resolved}`;
  }
  return missingHeading(anchor, targetPage.headings, resolved);
}

function checkSitePath(target: string, anchor: string | undefined, pages: ReadonlyMap<string, MarkdownPage>) {
  const path = decodeURI(target.slice(1)).replace(/\.(html|md)$/, '');
  const candidates =
    path === '' || path.endsWith('/') ? [`${path}index.md`, `${path}README.md`] : [`${path}.md`];
  const found = candidates.find((candidate) => pages.has(candidate));
  if (!found) return `no page for the site path ${target}`;
  return missingHeading(anchor, pages.get(found)!.headings, found);
}

/** The repository path a github.com URL points at, or undefined when it points elsewhere. */
function repositoryFile(url: string, repository: Repository): string | undefined {
  for (const kind of ['blob', 'tree']) {
    const prefix = `${repository.url}/${kind}/${repository.branch}/`;
    if (url.startsWith(prefix))
      return decodeURI(url.slice(prefix.length).replace(/\?.*$/, '').replace(/\/$/, ''));
  }
  return undefined;
}

function checkRepositoryFile(path: string, anchor: string | undefined, repository: Repository) {
  if (!repository.kindOf(path)) return `no file or folder ${path} in the repository`;
  if (anchor === undefined || /^L\d+/.test(anchor)) return undefined; // a line of a source file
  const headings = repository.headingsOf(path);
  if (!headings) return undefined; // GitHub's own anchors of a non-markdown file
  return missingHeading(anchor, headings, path);
}

function missingHeading(anchor: string | undefined, headings: Set<string> | undefined, page: string) {
  if (anchor === undefined) return undefined;
  if (headings?.has(decodeURIComponent(anchor))) return undefined;
  return `no heading #${anchor} in ${page}`;
}

function splitAnchor(href: string): [string, string | undefined] {
  const at = href.indexOf('#');
  return at < 0 ? [href, undefined] : [href.slice(0, at), href.slice(at + 1)];
}

function countLink(counts: LinkCheck, anchor: string | undefined) {
  counts.links++;
  if (anchor !== undefined) counts.anchors++;
}
