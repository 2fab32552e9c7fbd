/**
 * GitHub's heading ids (as github-slugger computes them), used for the site's heading ids too, so a
 * `page.md#heading` link lands on the same heading on GitHub and on the site.
 */

/** What GitHub drops from a heading's text: all but letters, marks, digits, `_`, `-` and spaces. */
const dropped = /[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\- ]/gu;

/** The id GitHub gives a heading with this text, before duplicates are numbered. */
export function githubSlug(text: string): string {
  return text.toLowerCase().replace(dropped, '').replace(/ /g, '-');
}

/** Ids for the headings of one page in order: a repeated heading gets `-1`, `-2`, as on GitHub. */
export function createSlugger(): (text: string) => string {
  const seen = new Set<string>();
  return (text) => {
    const base = githubSlug(text);
    let slug = base;
    for (let count = 1; seen.has(slug); count++) slug = `${base}-${count}`;
    seen.add(slug);
    return slug;
  };
}
