// Turn a JSON-LD document into N-Quads with the reference JSON-LD processor
// (the npm `jsonld` package, by the spec's editors), not with govgraph.
//
// Usage: node jsonld_to_nquads.mjs IN.jsonld OUT.nq
//
// govgraph's compacted JSON-LD carries its context inline, so the processor
// must never fetch anything: the document loader throws, and a context that
// needed the network would fail the run instead of passing by accident.
import { readFileSync, writeFileSync } from 'node:fs';
import jsonld from 'jsonld';

const [input, output] = process.argv.slice(2);
const doc = JSON.parse(readFileSync(input, 'utf8'));
const documentLoader = async (url) => {
  throw new Error(`refusing to load ${url}: the context must be inline`);
};
// `safe` makes the processor throw on anything it would otherwise drop
// silently (a key with no term definition, an invalid IRI), so nothing in
// our output can go missing without a failure.
const nquads = await jsonld.toRDF(doc, {
  format: 'application/n-quads',
  documentLoader,
  safe: true,
});
writeFileSync(output, nquads);
