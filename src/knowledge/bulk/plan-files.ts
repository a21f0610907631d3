/**
 * The knowledge files, in order, planned as the incremental path would write them into an empty graph: each
 * file one revision (KnowledgeWriter.writeDataset: lock the dataset, skip an unchanged hash, diff with the
 * same planDataset, write the plan, record the dataset, then the revision and its changes), into PlannedGraph,
 * which streams the CSV.
 */
import path from 'node:path';
import { systemPrincipal } from '../../auth/principal.ts';
import { DocumentTextChangedError, planDataset } from '../dataset-diff.ts';
import { toGraphRows } from '../graph-rows.ts';
import { countsOf, documentTextChanged, factIdsTaken } from '../loader.ts';
import { FactIdsTakenError } from '../../database/knowledge-writer.ts';
import type { PlannedGraph } from './planned-graph.ts';
import type { ReadKnowledgeFile } from './read-file.ts';

export interface PlannedCounts {
  entities: number;
  facts: number;
  relations: number;
  citations: number;
}

/** Plans one file; `lastOfDataset`: no later file loads this dataset, so its facts are written out. */
export function planFile(graph: PlannedGraph, read: ReadKnowledgeFile, lastOfDataset: boolean): PlannedCounts {
  const { knowledge, sources, file, sha256 } = read;
  const name = path.basename(file);
  const rows = toGraphRows(knowledge, sources);
  const counts = countsOf(rows);
  const principal = systemPrincipal(name);
  const sequence = graph.nextSequence();
  // The write is rolled back when the hash is unchanged: nothing of it stays, not even the sequence.
  if (graph.lockDataset(knowledge.id) === sha256) {
    graph.releaseSequence(sequence);
    if (lastOfDataset) graph.flushDataset(knowledge.id);
    return counts;
  }
  const entityIds = [...rows.entitiesByLabel.values()].flat().map((e) => e.id);
  const state = graph.datasetState(knowledge.id, entityIds);
  let plan;
  try {
    plan = planDataset(knowledge, rows, state, sequence, name);
  } catch (error) {
    if (error instanceof DocumentTextChangedError) throw documentTextChanged(file, knowledge, error);
    throw error;
  }
  const taken = graph.factIdsTaken(knowledge.id, plan);
  if (taken.length) throw factIdsTaken(file, knowledge, new FactIdsTakenError(knowledge.id, taken));
  graph.writePlan(knowledge.id, sequence, plan);
  // loadedAt, like committedAt below, is wall-clock time: the bulk graph's differs from an incremental load's.
  graph.finishDataset(knowledge.id, { title: knowledge.title, file: name, loadedAt: new Date().toISOString(), ...counts, sha256, revision: sequence });
  if (plan.changes.length === 0) graph.releaseSequence(sequence);
  else {
    const authorKind = principal.kind === 'ANONYMOUS' ? 'KEY' : principal.kind;
    graph.recordRevision(sequence, new Date().toISOString(), authorKind, principal.name, plan.summary, plan.changes);
  }
  if (lastOfDataset) graph.flushDataset(knowledge.id);
  return counts;
}
