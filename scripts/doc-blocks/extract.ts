/**
 * Finds the TypeScript code blocks of the documentation and the files they make up. A block is its
 * own module unless the HTML comment just before its fence says otherwise:
 *
 *   <!-- doc-blocks: file LinkAccount.tsx -->  the block is (or continues) that file of its page
 *   <!-- doc-blocks: declarations -->          the block is an API summary (signatures without
 *                                              bodies): checked as declarations, with every name it
 *                                              uses imported from the package that exports it
 *   <!-- doc-blocks: skip, <reason> -->        the block is intentionally partial: not checked
 *
 * ```vue and ```svelte blocks are extracted only when they name a file (a test imports them).
 */

export interface DocFile {
  /** The file's name within its page's folder. */
  name: string;
  /** The 1-based line of the page where each of its blocks starts. */
  lines: number[];
  text: string;
  /** An API summary: its functions and constants are declared, not defined. */
  declarations: boolean;
}

export interface PageBlocks {
  files: DocFile[];
  /** Lines of blocks marked `skip`, with the reason given. */
  skipped: { line: number; reason: string }[];
}

const checkedLanguages = new Set(['ts', 'tsx']);
const namedOnlyLanguages = new Set(['vue', 'svelte']);
const markerPattern = /^<!--\s*doc-blocks:\s*(file\s+(\S+)|skip,\s*(.+?)|(declarations))\s*-->$/;

export function extractBlocks(markdown: string): PageBlocks {
  const lines = markdown.split('\n');
  const files = new Map<string, DocFile>();
  const skipped: PageBlocks['skipped'] = [];
  for (let index = 0; index < lines.length; index++) {
    const fence = /^```(\w+)\s*$/.exec(lines[index]!);
    if (!fence) continue;
    const language = fence[1]!;
    const end = lines.indexOf('```', index + 1);
    if (end === -1) throw new Error(`line ${index + 1}: a code block is never closed`);
    const body = lines.slice(index + 1, end).join('\n');
    // The marker is the last non-blank line before the fence (Prettier puts a blank line between).
    let before = index - 1;
    while (before >= 0 && lines[before]!.trim() === '') before--;
    const marker = markerPattern.exec((lines[before] ?? '').trim());
    const line = index + 1;
    index = end;

    if (marker?.[3]) {
      skipped.push({ line, reason: marker[3] });
      continue;
    }
    const name = marker?.[2];
    if (!checkedLanguages.has(language) && !(name && namedOnlyLanguages.has(language))) continue;
    const fileName = name ?? `block-${line}.${language}`;
    const existing = files.get(fileName);
    if (existing) {
      existing.lines.push(line);
      existing.text += `\n${body}`;
    } else {
      files.set(fileName, { name: fileName, lines: [line], text: body, declarations: Boolean(marker?.[4]) });
    }
  }
  return { files: [...files.values()], skipped };
}
