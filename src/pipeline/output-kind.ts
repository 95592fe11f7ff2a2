/** The outputs a build can write. */
export type OutputKind = 'docx' | 'pdf' | 'html';
export const OUTPUT_KINDS: readonly OutputKind[] = ['docx', 'pdf', 'html'];
