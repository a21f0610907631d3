/**
 * Validates every file before anything is written (a bad file refuses the whole bulk load) and returns each
 * file's dataset id, in file order: a dataset's facts are final after its last file.
 */
import { readKnowledgeFile } from './read-file.ts';

export async function validateFiles(files: readonly string[], onFile: (done: number) => void): Promise<string[]> {
  const datasets: string[] = [];
  for (const file of files) {
    datasets.push(readKnowledgeFile(file).knowledge.id);
    onFile(datasets.length);
  }
  return datasets;
}
