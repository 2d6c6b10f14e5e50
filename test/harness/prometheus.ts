import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';

export interface Scrape {
  /** The metric families, as the parser read them (it throws on text that is not the format). */
  families: PrometheusFamily[];
  /** Every sample line as name, labels and value, histogram series (`_bucket`, `_count`) included. */
  samples: { name: string; labels: Record<string, string>; value: number }[];
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * Fetches a process's /metrics and parses it as Prometheus text, failing on anything that is not.
 * The parser validates the format but merges the series of a labelled histogram into one, so
 * values are read from the sample lines, which the parser has by then accepted.
 */
export async function scrapeMetrics(metricsUrl: string): Promise<Scrape> {
  const response = await fetch(metricsUrl);
  if (!response.ok) throw new Error(`${metricsUrl} answered ${response.status}`);
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.startsWith('text/plain') || !contentType.includes('version=0.0.4')) {
    throw new Error(`${metricsUrl} is not in the Prometheus text format: ${contentType}`);
  }
  const text = await response.text();
  const families = parsePrometheusTextFormat(text);
  const samples = text
    .split('\n')
    .map((line) => SAMPLE_LINE.exec(line))
    .filter((match) => match !== null)
    .map(([, name = '', labels = '', value = '']) => ({
      name,
      labels: Object.fromEntries([...labels.matchAll(LABEL)].map(([, key = '', label = '']) => [key, label])),
      value: Number(value),
    }));
  return { families, samples };
}

/**
 * The sum of the samples named `name` that carry every label given (a histogram's observation
 * count is `<name>_count`); 0 when none does yet, as prom-client shows a labelled series only once used.
 */
export function sampleValue(scrape: Scrape, name: string, labels: Record<string, string> = {}): number {
  return scrape.samples
    .filter((sample) => sample.name === name)
    .filter((sample) => Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
    .reduce((sum, sample) => sum + sample.value, 0);
}

/** The /metrics URL of a process whose GraphQL endpoint is `graphqlUrl`. */
export const metricsUrlOf = (graphqlUrl: string) => new URL('/metrics', graphqlUrl).toString();
