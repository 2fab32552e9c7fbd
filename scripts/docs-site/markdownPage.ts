/**
 * Reads a docs page as the site renders it: VitePress' own markdown parser (so a link inside a code
 * block is not a link), with the heading ids of githubSlug.ts, as docs/.vitepress/config.ts sets them.
 */
import { createMarkdownRenderer, type MarkdownRenderer } from 'vitepress';
import { githubSlug } from './githubSlug.ts';

/** A link as written in a page, and the line it is on. */
export interface PageLink {
  href: string;
  line: number;
}

export interface MarkdownPage {
  /** The ids of the page's headings, as both GitHub and the site give them. */
  headings: Set<string>;
  links: PageLink[];
}

/** The markdown options the site uses: shared with docs/.vitepress/config.ts. */
export const markdownOptions = {
  anchor: { slugify: githubSlug },
};

let renderer: Promise<MarkdownRenderer> | undefined;

function markdownRenderer(srcDir: string): Promise<MarkdownRenderer> {
  // No highlighting: only the tokens are read, and loading Shiki's grammars takes seconds.
  renderer ??= createMarkdownRenderer(srcDir, { ...markdownOptions, highlight: (code) => code });
  return renderer;
}

const htmlHref = /\bhref\s*=\s*"([^"]*)"/g;

export async function readMarkdownPage(source: string, srcDir: string): Promise<MarkdownPage> {
  const md = await markdownRenderer(srcDir);
  const headings = new Set<string>();
  const links: PageLink[] = [];
  const tokens = md.parse(source, {});
  let line = 1;
  for (const token of tokens) {
    // Inline tokens in a table cell have no line of their own: they take their row's.
    if (token.map) line = token.map[0] + 1;
    if (token.type === 'heading_open') {
      const id = token.attrGet('id');
      if (id) headings.add(id);
    }
    if (token.type === 'html_block') {
      for (const [, href] of token.content.matchAll(htmlHref)) links.push({ href: href!, line });
    }
    for (const child of token.children ?? []) {
      // The anchor plugin's own `#` link inside each heading is not written in the page.
      const written = child.type === 'link_open' && child.attrGet('class') !== 'header-anchor';
      const href = written ? child.attrGet('href') : undefined;
      if (href) links.push({ href, line: line + lineOffset(token.content, child) });
      if (child.type === 'html_inline') {
        for (const [, inlineHref] of child.content.matchAll(htmlHref))
          links.push({ href: inlineHref!, line });
      }
    }
  }
  return { headings, links };
}

/** How many lines into a paragraph a link starts (markdown-it numbers only the block). */
function lineOffset(blockContent: string, link: { attrGet(name: string): string | null }): number {
  const href = link.attrGet('href') ?? '';
  const at = blockContent.indexOf(`](${href}`);
  return at < 0 ? 0 : blockContent.slice(0, at).split('\n').length - 1;
}
