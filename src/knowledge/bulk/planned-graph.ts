/**
 * What the incremental path's statements (cypher/write, cypher/write/curation, cypher/write/revision) leave in a
 * graph that starts empty, applied file by file to an in-memory model and streamed to CSV as soon as a part can no
 * longer change: quantities, citations, revisions, changes, versions and hidden edges at once; a dataset's facts
 * (with their ABOUT edges and relations, which a later file of the same dataset may hide) after the last file of
 * that dataset; entities, datasets and the revision log at the end. Each method names the statement it mirrors.
 */
import type { ChangeRow } from '../../database/curation/revisions.ts';
import type { DatasetPlan, DatasetState, GraphRows, StoredFact } from '../../database/knowledge-writer.ts';
import { DATASET_ENTITY_KEYS } from '../dataset-diff.ts';
import type { CsvWriter } from './csv-files.ts';
import { cypherString, Long, plain, propsOf, sequenceValue, setAll, type Props, type Value } from './values.ts';

interface NodeRec {
  id: number;
  labels: string[];
  props: Props;
}

interface RelRec {
  type: string;
  start: number;
  end: number;
  props: Props;
}

/** A current :Fact and the edges a later revision may replace by history edges. */
interface FactRec {
  node: NodeRec;
  about: RelRec[];
  relations: RelRec[];
}

export class PlannedGraph {
  private readonly entities = new Map<string, NodeRec>();
  private readonly datasets = new Map<string, NodeRec>();
  /** The current facts of each dataset not yet written out. */
  private readonly factsByDataset = new Map<string, Map<string, FactRec>>();
  /** Current :Fact ids and their datasets: Fact.id is unique (the constraint a new fact id could break). */
  private readonly factDataset = new Map<string, string>();
  private log: NodeRec | undefined;
  counts = { entities: 0, facts: 0, relations: 0, citations: 0 };

  constructor(private readonly csv: CsvWriter) {}

  /** write/revision/next-sequence */
  nextSequence(): number {
    this.log ??= { id: this.csv.newNodeId(), labels: ['RevisionLog'], props: { id: 'main', sequence: new Long(0) } };
    // `log.sequence + 1`: an integer while it counts from the literal 0, a float once a release set it.
    const current = this.log.props.sequence!;
    const sequence = Number(plain(current)) + 1;
    this.log.props.sequence = current instanceof Long ? new Long(sequence) : sequence;
    return sequence;
  }

  /** write/revision/release-sequence */
  releaseSequence(sequence: number): void {
    this.log!.props.sequence = (sequenceValue(sequence) as number) - 1;
  }

  /** write/lock-dataset: the recorded hash (the MERGE creates the node). */
  lockDataset(id: string): string | null {
    let node = this.datasets.get(id);
    if (!node) this.datasets.set(id, (node = { id: this.csv.newNodeId(), labels: ['Dataset'], props: { id } }));
    return (node.props.sha256 as string | undefined) ?? null;
  }

  /** write/finish-dataset */
  finishDataset(id: string, props: Record<string, unknown>): void {
    setAll(this.datasets.get(id)!.props, props);
  }

  /** write/curation/entity-states and dataset-fact-states, for planDataset. */
  datasetState(dataset: string, entityIds: readonly string[]): DatasetState {
    const entities: DatasetState['entities'] = new Map();
    for (const id of entityIds) {
      const node = this.entities.get(id);
      if (node) entities.set(id, { values: DATASET_ENTITY_KEYS.map((key) => plain(node.props[key])), revision: plain(node.props.revision) as number | null, mergedInto: null });
    }
    const facts = new Map<string, StoredFact>();
    for (const [id, { node }] of this.factsByDataset.get(dataset) ?? []) {
      const p = node.props;
      facts.set(id, {
        contentSha256: (p.contentSha256 as string | undefined) ?? null,
        retractedIn: plain(p.retractedIn) as number | null,
        rank: (p.rank as string | undefined) ?? null,
        // In the order Neo4j gives back the map projection `f {.type, .statement, .modality, .status}`.
        content: { statement: plain(p.statement), modality: plain(p.modality), type: plain(p.type), status: plain(p.status) },
      });
    }
    return { entities, facts };
  }

  /** New fact ids another dataset's current facts hold (the uniqueness constraint's failure). */
  factIdsTaken(dataset: string, plan: DatasetPlan): string[] {
    return plan.facts.facts.map((f) => f.id).filter((id) => {
      const owner = this.factDataset.get(id);
      return owner !== undefined && owner !== dataset;
    });
  }

  /** KnowledgeWriter's writePlan, statement by statement. */
  writePlan(dataset: string, sequence: number, plan: DatasetPlan): void {
    for (const id of [...plan.revised, ...plan.retracted.map((r) => r.id)]) this.hideFact(dataset, id, sequence);
    for (const id of plan.revised) this.archiveFact(dataset, id, sequence);
    for (const row of plan.retracted) this.setFactState(dataset, row.id, row.props, sequence);
    for (const id of plan.versioned) this.saveEntityVersion(id, sequence);
    for (const [label, rows] of plan.entitiesByLabel) for (const row of rows) this.mergeEntity(label, row);
    for (const doc of plan.documentTexts) this.setDocumentText(doc);
    this.createFacts(dataset, sequence, plan.facts);
    for (const [type, rows] of plan.facts.relationsByType) for (const row of rows) this.createRelation(dataset, type, row, sequence);
  }

  /** write/curation/hide-facts: ABOUT becomes WAS_ABOUT, relations WAS_RELATED, both until `sequence`. */
  private hideFact(dataset: string, id: string, sequence: number): void {
    const fact = this.factsByDataset.get(dataset)?.get(id);
    if (!fact) return;
    for (const r of fact.relations) {
      const p = r.props;
      const since = p.since ?? new Long(0);
      this.csv.relationship('WAS_RELATED', r.start, r.end, { type: r.type, id: p.id, factId: p.factId, label: p.label, since, until: sequenceValue(sequence) });
    }
    for (const a of fact.about) {
      this.csv.relationship('WAS_ABOUT', a.start, a.end, { role: a.props.role, since: a.props.since ?? new Long(0), until: sequenceValue(sequence) });
    }
    fact.relations = [];
    fact.about = [];
  }

  /** write/curation/archive-facts: the old node becomes a :FactVersion (written now: it never changes again). */
  private archiveFact(dataset: string, id: string, sequence: number): void {
    const facts = this.factsByDataset.get(dataset)!;
    const fact = facts.get(id);
    if (!fact) return;
    facts.delete(id);
    this.factDataset.delete(id);
    setAll(fact.node.props, { versionOf: id, until: sequenceValue(sequence) });
    this.csv.node(fact.node.id, ['FactVersion'], fact.node.props);
  }

  /** write/curation/set-fact-state */
  private setFactState(dataset: string, id: string, props: Record<string, unknown>, sequence: number): void {
    const fact = this.factsByDataset.get(dataset)?.get(id);
    if (!fact) return;
    setAll(fact.node.props, props);
    fact.node.props.revision = sequenceValue(sequence);
  }

  /** write/curation/save-entity-versions */
  private saveEntityVersion(id: string, sequence: number): void {
    const entity = this.entities.get(id);
    if (!entity) return;
    const { id: _id, text: _text, ...rest } = entity.props;
    const props: Props = { ...rest, entity: id, since: entity.props.since ?? new Long(0), until: sequenceValue(sequence) };
    this.csv.node(this.csv.newNodeId(), ['EntityVersion'], props);
  }

  /** write/merge-entities: MERGE on the id, `+=` the props, the kind's label only. */
  private mergeEntity(label: string, row: { id: string; props: Record<string, unknown> }): void {
    let entity = this.entities.get(row.id);
    if (!entity) {
      entity = { id: this.csv.newNodeId(), labels: ['Entity', label], props: { id: row.id } };
      this.entities.set(row.id, entity);
    }
    setAll(entity.props, row.props);
    entity.labels = ['Entity', label];
  }

  /** write/set-document-texts */
  private setDocumentText(doc: GraphRows['documentTexts'][number]): void {
    const entity = this.entities.get(doc.id);
    if (entity) setAll(entity.props, { text: doc.text, textSha256: doc.sha256, language: doc.language });
  }

  /** write/create-facts (KnowledgeWriter's factRows: revision and created are the sequence, as floats). */
  private createFacts(dataset: string, sequence: number, rows: DatasetPlan['facts']): void {
    let facts = this.factsByDataset.get(dataset);
    if (!facts) this.factsByDataset.set(dataset, (facts = new Map()));
    const created = new Map<string, FactRec>();
    for (const fact of rows.facts) {
      const node: NodeRec = { id: this.csv.newNodeId(), labels: ['Fact'], props: propsOf({ ...fact.props, revision: sequence, created: sequence }) };
      const rec: FactRec = { node, about: [], relations: [] };
      created.set(fact.id, rec);
      facts.set(fact.id, rec);
      this.factDataset.set(fact.id, dataset);
      this.counts.facts += 1;
    }
    for (const { fact, role, entity } of rows.participants) {
      const e = this.entities.get(entity);
      const rec = created.get(fact);
      if (e && rec) rec.about.push({ type: 'ABOUT', start: rec.node.id, end: e.id, props: { role, since: sequenceValue(sequence) } });
    }
    for (const { fact, props } of rows.quantities) {
      const rec = created.get(fact)!;
      const q = this.csv.newNodeId();
      this.csv.node(q, ['Quantity'], propsOf(props));
      this.csv.relationship('HAS_QUANTITY', rec.node.id, q, {});
      const item = typeof props.item === 'string' ? this.entities.get(props.item) : undefined;
      if (item) this.csv.relationship('MEASURES', q, item.id, {});
    }
    for (const { fact, props } of rows.citations) {
      const rec = created.get(fact)!;
      const document = this.entities.get(props.document as string);
      const saidBy = this.entities.get(props.saidBy as string);
      if (!document || !saidBy) continue;
      const c = this.csv.newNodeId();
      this.csv.node(c, ['Citation'], propsOf(props));
      this.csv.relationship('CITED_BY', rec.node.id, c, {});
      this.csv.relationship('QUOTED_FROM', c, document.id, {});
      this.csv.relationship('SAID_BY', c, saidBy.id, {});
      const medium = typeof props.reportedBy === 'string' ? this.entities.get(props.reportedBy) : undefined;
      if (medium) this.csv.relationship('REPORTED_BY', c, medium.id, {});
      this.counts.citations += 1;
    }
  }

  /** write/create-relations. */
  private createRelation(dataset: string, type: string, row: GraphRows['relationsByType'] extends Map<unknown, (infer R)[]> ? R : never, sequence: number): void {
    const a = this.entities.get(row.from);
    const b = this.entities.get(row.to);
    const fact = this.factsByDataset.get(dataset)?.get(row.factId);
    if (!a || !b || !fact) return;
    const props: Props = { id: row.id, factId: row.factId, label: row.label, since: sequenceValue(sequence) };
    fact.relations.push({ type, start: a.id, end: b.id, props });
    this.counts.relations += 1;
  }

  /** write/revision/create-revision and create-changes (recordRevision). */
  recordRevision(sequence: number, committedAt: string, authorKind: string, author: string, summary: string, changes: readonly ChangeRow[]): void {
    const r = this.csv.newNodeId();
    this.csv.node(r, ['Revision'], { sequence: sequenceValue(sequence), id: `r${cypherString(sequenceValue(sequence))}`, committedAt, authorKind, author, summary });
    changes.forEach((c, index) => {
      const node = this.csv.newNodeId();
      const props = propsOf({ operation: c.operation, target: c.target, field: c.field, before: json(c.before), after: json(c.after), reason: c.reason });
      props.revision = sequenceValue(sequence);
      this.csv.node(node, ['Change'], props);
      this.csv.relationship('HAS_CHANGE', r, node, { index });
    });
  }

  /** A dataset no later file loads again: its facts and their edges can no longer change. */
  flushDataset(dataset: string): void {
    const facts = this.factsByDataset.get(dataset);
    if (!facts) return;
    for (const { node, about, relations } of facts.values()) {
      this.csv.node(node.id, node.labels, node.props);
      for (const r of [...about, ...relations]) this.csv.relationship(r.type, r.start, r.end, r.props);
    }
    this.factsByDataset.delete(dataset);
  }

  /** Everything still held: the remaining facts, the entities, the datasets and the revision log. */
  finish(): void {
    for (const dataset of [...this.factsByDataset.keys()]) this.flushDataset(dataset);
    for (const e of this.entities.values()) this.csv.node(e.id, e.labels, e.props);
    for (const d of this.datasets.values()) this.csv.node(d.id, d.labels, d.props);
    if (this.log) this.csv.node(this.log.id, this.log.labels, this.log.props);
    this.counts.entities = this.entities.size;
  }
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
