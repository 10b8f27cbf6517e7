/** Every object inside a spec (depth first), for finding marks, encodings and data. */
export function walk(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) for (const x of node) walk(x, out);
  else if (node && typeof node === 'object') {
    out.push(node as Record<string, unknown>);
    for (const v of Object.values(node)) walk(v, out);
  }
  return out;
}

/** Inline data rows of all `data.values` in a spec. */
export function dataRows(spec: unknown): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const o of walk(spec)) {
    const data = o.data as { values?: Record<string, unknown>[] } | undefined;
    if (data && Array.isArray(data.values)) rows.push(...data.values);
  }
  return rows;
}

/** Mark types used in a spec. */
export function markTypes(spec: unknown): string[] {
  return walk(spec)
    .map((o) => o.mark)
    .filter((m) => m !== undefined)
    .map((m) => (typeof m === 'string' ? m : (m as { type: string }).type));
}

/** All `color` encodings with a field. */
export function colorEncodings(spec: unknown): { field: string; scale?: { domain?: string[]; range?: string[] } }[] {
  return walk(spec)
    .map((o) => o.color as { field?: string; scale?: { domain?: string[]; range?: string[] } } | undefined)
    .filter((c): c is { field: string; scale?: { domain?: string[]; range?: string[] } } => !!c && typeof c === 'object' && typeof c.field === 'string');
}

/** Every string in a spec (titles, axis titles, labels), to check translations. */
export function strings(spec: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(spec);
  return out;
}
