/**
 * The shared entity pool of one synthetic graph: how many entities of each kind, their ids, and who gets
 * picked. Endpoints are drawn by a per-kind Zipf law over ranks, so rank 0 of a kind (`org-00001`) is its
 * biggest hub and degrees have a heavy tail, as in real knowledge graphs.
 */
import type { EntityEntry, EntityKind } from '../../src/knowledge/knowledge-file.ts';
import { poolEntity } from './names.ts';
import { Rng, zipfRank } from './random.ts';

/** Share of facts that are n-ary (an event with 2 to 4 participants, 3 on average). */
export const NARY_SHARE = 0.1;

interface KindSpec {
  prefix: string;
  share: number;
  /** Zipf exponent: higher, more concentrated on the first few (places and organisations have big hubs). */
  exponent: number;
}

const KINDS: Record<EntityKind, KindSpec> = {
  ORGANIZATION: { prefix: 'org', share: 0.26, exponent: 1.0 },
  PERSON: { prefix: 'person', share: 0.28, exponent: 0.85 },
  PRODUCT: { prefix: 'product', share: 0.17, exponent: 0.95 },
  PLACE: { prefix: 'place', share: 0.06, exponent: 1.1 },
  FACILITY: { prefix: 'facility', share: 0.07, exponent: 0.85 },
  CONCEPT: { prefix: 'concept', share: 0.05, exponent: 1.0 },
  MEDIA: { prefix: 'media', share: 0.02, exponent: 1.0 },
  EVENT: { prefix: 'event', share: 0.04, exponent: 0.85 },
  DOCUMENT: { prefix: 'report', share: 0.05, exponent: 0.8 },
};
/** More than the other participants of an n-ary fact (3), so a fact can always name distinct entities. */
const MIN_PER_KIND = 4;

/** `1e6` for 1,000,000, `25e4` for 250,000, `12345` for 12,345: short, and a valid id word. */
export function sizeTag(relations: number): string {
  let mantissa = relations;
  let exponent = 0;
  while (mantissa % 10 === 0) {
    mantissa /= 10;
    exponent++;
  }
  return exponent === 0 ? String(mantissa) : `${mantissa}e${exponent}`;
}

export class World {
  readonly tag: string;
  readonly counts = new Map<EntityKind, number>();
  private readonly idWidth: number;
  private readonly cache = new Map<EntityKind, (EntityEntry | undefined)[]>();

  constructor(
    readonly relations: number,
    readonly seed: number,
  ) {
    this.tag = sizeTag(relations);
    const pool = poolSize(relations);
    for (const [kind, spec] of Object.entries(KINDS) as [EntityKind, KindSpec][]) {
      this.counts.set(kind, Math.max(MIN_PER_KIND, Math.round(pool * spec.share)));
      this.cache.set(kind, []);
    }
    this.idWidth = Math.max(5, String(Math.max(...this.counts.values())).length);
  }

  /** An entity of `kind`, by preferential (Zipf) choice. */
  draw(kind: EntityKind, rng: Rng): EntityEntry {
    return this.entity(kind, zipfRank(rng, this.count(kind), KINDS[kind].exponent));
  }

  /** An entity of `kind`, every one equally likely. */
  uniform(kind: EntityKind, rng: Rng): EntityEntry {
    return this.entity(kind, rng.int(0, this.count(kind) - 1));
  }

  entity(kind: EntityKind, rank: number): EntityEntry {
    const cached = this.cache.get(kind)!;
    const known = cached[rank];
    if (known) return known;
    const id = `${KINDS[kind].prefix}-${String(rank + 1).padStart(this.idWidth, '0')}`;
    const created = poolEntity(this.seed, kind, rank, id);
    cached[rank] = created;
    return created;
  }

  private count(kind: EntityKind): number {
    return this.counts.get(kind)!;
  }
}

/**
 * Pool entities, so that pool plus one event entity per n-ary fact comes to about relations / 8 entities.
 * Facts average 1 - NARY_SHARE + 3 * NARY_SHARE relations, and a tenth of them bring their own event.
 */
function poolSize(relations: number): number {
  const events = (relations * NARY_SHARE) / (1 + 2 * NARY_SHARE);
  return Math.max(50, Math.round(relations / 8 - events));
}
