/**
 * Validates every file before anything is written (a bad file refuses the whole bulk load) and returns each
 * file's dataset id and hash, in file order: a dataset's facts are final after its last file.
 */
import { readKnowledgeFile } from './read-file.ts';

export async function validateFiles(files: readonly string[], onFile: (done: number) => void): Promise<{ dataset: string; sha256: string }[]> {
  const validated: { dataset: string; sha256: string }[] = [];
  for (const file of files) {
    const read = readKnowledgeFile(file);
    validated.push({ dataset: read.knowledge.id, sha256: read.sha256 });
    onFile(validated.length);
  }
  return validated;
}
