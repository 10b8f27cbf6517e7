import { distancesToReferences } from '../distance/compute.js';
import type { DistanceOptions } from '../distance/types.js';
import { OptionsError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';

/** Result of `assignToMedoidSequences`. */
export interface MedoidAssignment {
  /** Number of the nearest medoid per row: `clusters[m]` for medoid m (1 + m by default). */
  readonly labels: Int32Array;
  /** Distance of each row to its medoid. */
  readonly distances: Float64Array;
}

/**
 * CLARA's assignment step on its own: every sequence goes to its nearest
 * medoid, the first of the medoids on ties (CLARA lists its medoids in row
 * order: give them in that order for the same ties). Only the N x k distances
 * to the medoids are computed, so the sequences can be taken a part at a
 * time: run it on partitions of a panel (in separate processes, or on
 * separate machines) with the medoids and the substitution costs of one
 * CLARA run, and the labels together are that run's labels.
 *
 * Costs derived from the data (TRATE and the like) would come from each part:
 * give the costs of the run as a matrix (`sm`) and its indel.
 *
 * @param seqs the sequences to assign
 * @param medoids the medoid sequences, over the same alphabet
 * @param options the distance (method, `sm` as a matrix, indel, ...), and `clusters`: the cluster number of each medoid (default 1..k)
 * @returns the cluster of each sequence and its distance to the medoid
 * @example
 * const { labels } = await assignToMedoidSequences(part, medoids, { distance: { method: 'OM', sm: costs, indel: costs.indel } });
 */
export async function assignToMedoidSequences(
  seqs: StateSequences, medoids: StateSequences, options: { distance: DistanceOptions; clusters?: ArrayLike<number> },
): Promise<MedoidAssignment> {
  const k = medoids.n;
  if (k < 1) throw new OptionsError('medoids', 'needs at least one medoid sequence');
  const clusters = options.clusters ?? Int32Array.from({ length: k }, (_, m) => m + 1);
  if (clusters.length !== k) throw new OptionsError('clusters', `${clusters.length} cluster numbers for ${k} medoids; expected one each`);
  const d = await distancesToReferences(seqs, medoids, options.distance);
  const labels = new Int32Array(seqs.n);
  const distances = new Float64Array(seqs.n);
  // nearest medoid: the smallest d(i, m), the first m on ties
  for (let i = 0; i < seqs.n; i++) {
    let best = 0;
    for (let m = 1; m < k; m++) if (d[i * k + m] < d[i * k + best]) best = m;
    labels[i] = clusters[best];
    distances[i] = d[i * k + best];
  }
  return { labels, distances };
}
