/**
 * The drawing: Cytoscape.js with the fcose layout (both MIT). Cytoscape renders on canvas, handles thousands
 * of elements, and fcose lays out compound-free graphs quickly and stably; we write no layout of our own.
 * The view is capped at MAX_DRAWN_NODES so a hub never freezes the page; the caller says what was left out.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { EntityKind } from '../../src/vocabulary/index.ts';
import type { EntitySummary, RelationSummary } from './api.ts';

cytoscape.use(fcose);

export const MAX_DRAWN_NODES = 300;
const MAX_FIT_ZOOM = 1.6;

/** One colour per entity kind (a new kind fails the type check until it has one), readable on white and in the legend. */
export const KIND_COLORS: Record<EntityKind, string> = {
  PERSON: '#c2410c',
  ORGANIZATION: '#1d4ed8',
  PRODUCT: '#047857',
  PLACE: '#7c3aed',
  FACILITY: '#b45309',
  DOCUMENT: '#475569',
  MEDIA: '#be185d',
  EVENT: '#0e7490',
  CONCEPT: '#4d7c0f',
};

export class GraphView {
  readonly cy: Core;

  constructor(container: HTMLElement) {
    this.cy = cytoscape({
      container,
      wheelSensitivity: 0.3,
      minZoom: 0.1,
      maxZoom: 4,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': (node) => KIND_COLORS[node.data('kind') as EntityKind] ?? '#64748b',
            label: 'data(name)',
            color: '#0f172a',
            'font-size': 11,
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'text-wrap': 'ellipsis',
            'text-max-width': '140px',
            width: 26,
            height: 26,
            'border-width': 2,
            'border-color': '#ffffff',
          },
        },
        { selector: 'node.focus', style: { width: 38, height: 38, 'border-color': '#0f172a', 'border-width': 3 } },
        { selector: 'node:selected', style: { 'border-color': '#facc15', 'border-width': 4 } },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': '#94a3b8',
            'target-arrow-color': '#94a3b8',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            label: 'data(caption)',
            'font-size': 9,
            color: '#334155',
            'text-rotation': 'autorotate',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': '1px',
          },
        },
        { selector: 'edge:selected', style: { 'line-color': '#facc15', 'target-arrow-color': '#facc15', width: 3 } },
        { selector: 'node.path', style: { 'border-color': '#dc2626', 'border-width': 5 } },
        { selector: 'edge.path', style: { 'line-color': '#dc2626', 'target-arrow-color': '#dc2626', width: 4 } },
        { selector: '.filtered', style: { display: 'none' } },
      ],
    });
  }

  get nodeCount(): number {
    return this.cy.nodes().length;
  }

  hasNode(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  addEntity(entity: EntitySummary): boolean {
    if (this.hasNode(entity.id)) return true;
    if (this.nodeCount >= MAX_DRAWN_NODES) return false;
    this.cy.add({ group: 'nodes', data: { ...entity } });
    return true;
  }

  /** Adds relations (and their endpoints) until the cap; returns how many relations could not be drawn. */
  addRelations(relations: RelationSummary[]): number {
    const elements: ElementDefinition[] = [];
    let left = 0;
    let room = MAX_DRAWN_NODES - this.nodeCount;
    const pending = new Set<string>();
    for (const relation of relations) {
      const missing = [relation.from, relation.to].filter((e) => !this.hasNode(e.id) && !pending.has(e.id));
      if (missing.length > room) {
        left += 1;
        continue;
      }
      for (const entity of missing) {
        elements.push({ group: 'nodes', data: { ...entity } });
        pending.add(entity.id);
        room -= 1;
      }
      if (!this.cy.getElementById(relation.id).nonempty()) {
        elements.push({ group: 'edges', data: { id: relation.id, source: relation.from.id, target: relation.to.id, type: relation.type, factId: relation.fact.id, caption: caption(relation) } });
      }
    }
    this.cy.add(elements);
    return left;
  }

  focus(id: string): void {
    this.cy.nodes().removeClass('focus');
    this.cy.getElementById(id).addClass('focus');
  }

  highlightPath(nodeIds: string[], edgeIds: string[]): void {
    this.cy.elements().removeClass('path');
    for (const id of [...nodeIds, ...edgeIds]) this.cy.getElementById(id).addClass('path');
  }

  applyFilters(hiddenKinds: Set<string>, hiddenTypes: Set<string>): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        n.toggleClass('filtered', hiddenKinds.has(n.data('kind') as string));
      });
      this.cy.edges().forEach((e) => {
        e.toggleClass('filtered', hiddenTypes.has(e.data('type') as string));
      });
    });
  }

  layout(): void {
    this.cy.layout({ name: 'fcose', animate: false, randomize: true, nodeRepulsion: () => 9000, idealEdgeLength: () => 110, padding: 30 } as cytoscape.LayoutOptions).run();
  }

  /** Fits the drawing, without blowing a handful of nodes up to fill the screen. */
  fit(): void {
    this.cy.fit(undefined, 30);
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center();
    }
  }

  clear(): void {
    this.cy.elements().remove();
  }

  kinds(): EntityKind[] {
    return [...new Set(this.cy.nodes().map((n) => n.data('kind') as EntityKind))].sort();
  }

  types(): string[] {
    return [...new Set(this.cy.edges().map((e) => e.data('type') as string))].sort();
  }

  png(): Blob {
    return this.cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 });
  }

  json(): object {
    return {
      nodes: this.cy.nodes().map((n) => ({ id: n.id(), name: n.data('name'), kind: n.data('kind'), shown: !n.hasClass('filtered') })),
      edges: this.cy.edges().map((e) => ({
        id: e.id(),
        type: e.data('type'),
        from: e.data('source'),
        to: e.data('target'),
        fact: e.data('factId'),
        label: e.data('caption'),
        shown: !e.hasClass('filtered') && !e.source().hasClass('filtered') && !e.target().hasClass('filtered'),
      })),
    };
  }
}

/** The API's label already reads `GIVER` or `ITEM · 12,000 GPU`: the type and its key number. */
function caption(relation: RelationSummary): string {
  return relation.label || relation.type;
}
