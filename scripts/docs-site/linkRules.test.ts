import { describe, expect, it } from 'vitest';
import { checkLinks, type Repository } from './linkRules.ts';
import { readMarkdownPage, type MarkdownPage } from './markdownPage.ts';

const repositoryUrl = 'https://github.com/owner/repo';

/** A repository holding README.md (with an Install heading) and examples/server/src/server.ts. */
const repository: Repository = {
  url: repositoryUrl,
  branch: 'main',
  kindOf: (path) =>
    ({
      'README.md': 'file' as const,
      'examples/server/src/server.ts': 'file' as const,
      examples: 'folder' as const,
      'examples/server': 'folder' as const,
    })[path],
  headingsOf: (path) => (path === 'README.md' ? new Set(['install']) : undefined),
};

/** docs/ with a home page and a recipe, as markdown; `page` is the page under test. */
async function check(page: string) {
  const pages = new Map<string, MarkdownPage>();
  const sources: Record<string, string> = {
    'README.md': '# Home\n\n## Supported versions\n',
    'recipes/testing.md': '# Testing\n\n## 3. Attach it to the flow\n\n## In a `<web-view>`\n',
    'guide.md': `# Guide\n\n## Hosts\n\n## Hosts\n\n${page}\n`,
  };
  for (const [path, source] of Object.entries(sources))
    pages.set(path, await readMarkdownPage(source, '/docs'));
  return checkLinks(pages, repository);
}

const problemsOf = async (page: string) =>
  (await check(page)).problems.map(({ href, problem }) => ({ href, problem }));

describe('checkLinks', () => {
  it('accepts links between pages, to headings under GitHub ids, and to the repository', async () => {
    const result = await check(
      [
        '[home](README.md#supported-versions), [step 3](recipes/testing.md#3-attach-it-to-the-flow),',
        '[web-view](recipes/testing.md#in-a-web-view), [second hosts](#hosts-1),',
        `[install](${repositoryUrl}/blob/main/README.md#install), [server](${repositoryUrl}/tree/main/examples/server),`,
        `[line](${repositoryUrl}/blob/main/examples/server/src/server.ts#L12), [npm](https://www.npmjs.com/package/x)`,
      ].join('\n'),
    );
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ links: 7, anchors: 6 });
  });

  it('reports a link to a page that does not exist', async () => {
    expect(await problemsOf('[gone](recipes/missing.md)')).toEqual([
      { href: 'recipes/missing.md', problem: 'no page docs/recipes/missing.md' },
    ]);
  });

  it("reports a heading missing from the target page, under GitHub's ids", async () => {
    // VitePress' own ids would be `_3-attach-it-to-the-flow`: the link must use GitHub's.
    expect(await problemsOf('[step](recipes/testing.md#_3-attach-it-to-the-flow)')).toEqual([
      {
        href: 'recipes/testing.md#_3-attach-it-to-the-flow',
        problem: 'no heading #_3-attach-it-to-the-flow in recipes/testing.md',
      },
    ]);
  });

  it('reports a same-page heading that does not exist', async () => {
    expect(await problemsOf('[hosts](#hosts-2)')).toEqual([
      { href: '#hosts-2', problem: 'no heading #hosts-2 in guide.md' },
    ]);
  });

  it('reports a link leaving docs/, with the repository URL to use instead', async () => {
    expect(await problemsOf('[install](../README.md#install) and [server](../examples/server)')).toEqual([
      {
        href: '../README.md#install',
        problem: `leaves docs/: link to ${repositoryUrl}/blob/main/README.md#install instead`,
      },
      {
        href: '../examples/server',
        problem: `leaves docs/: link to ${repositoryUrl}/tree/main/examples/server instead`,
      },
    ]);
  });

  it('reports a link to a repository file that does not exist, or a heading missing from it', async () => {
    expect(
      await problemsOf(
        `[old](${repositoryUrl}/blob/main/examples/server/src/old.ts) [anchor](${repositoryUrl}/blob/main/README.md#usage)`,
      ),
    ).toEqual([
      {
        href: `${repositoryUrl}/blob/main/examples/server/src/old.ts`,
        problem: 'no file or folder examples/server/src/old.ts in the repository',
      },
      { href: `${repositoryUrl}/blob/main/README.md#usage`, problem: 'no heading #usage in README.md' },
    ]);
  });

  it('reports a site path with no page, and takes one that has a page', async () => {
    expect(await problemsOf('[home](/#supported-versions) [play](/playground)')).toEqual([
      { href: '/playground', problem: 'no page for the site path /playground' },
    ]);
  });

  it('ignores link syntax inside code', async () => {
    expect(await problemsOf('`[gone](missing.md)`\n\n```md\n[gone](missing.md)\n```')).toEqual([]);
  });

  it('gives the line of the broken link', async () => {
    const { problems } = await check('one\ntwo [gone](missing.md)');
    // guide.md: heading, blank, two headings with blanks, then the paragraph from line 7.
    expect(problems.map(({ page, line }) => ({ page, line }))).toEqual([{ page: 'guide.md', line: 8 }]);
  });
});
