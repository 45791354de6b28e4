/**
 * The value of one sample in Prometheus text, matched by name and the given labels (other labels
 * may be present); 0 when the series does not exist yet.
 */
export function sampleOf(text: string, name: string, labels: Record<string, string>): number {
  const sample = samplesOf(text, name).find((candidate) =>
    Object.entries(labels).every(([label, value]) => candidate.labels[label] === value),
  );
  return sample?.value ?? 0;
}

/** Every sample of `name` in a Prometheus text exposition, with its labels. */
export function samplesOf(text: string, name: string): { labels: Record<string, string>; value: number }[] {
  const samples: { labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (match && match[1] === name) {
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]));
      samples.push({ labels, value: Number(match[3]) });
    }
  }
  return samples;
}
