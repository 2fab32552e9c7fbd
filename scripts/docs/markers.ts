export const GENERATED_START = '<!-- generated:start -->';
export const GENERATED_END = '<!-- generated:end -->';

// Prettier would re-align the generated tables; the section stays byte for byte what the generator wrote.
const IGNORE_START = '<!-- prettier-ignore-start -->';
const IGNORE_END = '<!-- prettier-ignore-end -->';

/** The full generated section, markers included, for a generated body. */
export function generatedSection(body: string): string {
  return [GENERATED_START, IGNORE_START, body, IGNORE_END, GENERATED_END].join('\n');
}

function findSection(document: string, file: string): { start: number; end: number } {
  const start = document.indexOf(GENERATED_START);
  const end = document.indexOf(GENERATED_END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`${file} needs one ${GENERATED_START} ... ${GENERATED_END} pair for the generated part.`);
  }
  if (document.indexOf(GENERATED_START, start + 1) !== -1) {
    throw new Error(`${file} has more than one ${GENERATED_START} marker.`);
  }
  return { start, end: end + GENERATED_END.length };
}

/** The generated section of a document as committed, markers included. */
export function readGeneratedSection(document: string, file: string): string {
  const { start, end } = findSection(document, file);
  return document.slice(start, end);
}

/** The document with its generated section replaced; the hand-written text around it is kept. */
export function replaceGeneratedSection(document: string, body: string, file: string): string {
  const { start, end } = findSection(document, file);
  return document.slice(0, start) + generatedSection(body) + document.slice(end);
}
