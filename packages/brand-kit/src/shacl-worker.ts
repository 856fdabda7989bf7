/**
 * The SHACL worker thread (started by shacl-parallel.ts): parses the Turtle text without
 * positions (n3 with brand-kit's terms, cheaper than the positioned parse), validates its share
 * of the focus nodes and sends the results back per shape. The validator is built once per
 * worker and reused.
 */
import { parentPort } from 'node:worker_threads';
import { Parser } from 'n3';
import { IndexedDataset } from './dataset.js';
import { brandValidator } from './shacl.js';
import { parsingFactory } from './terms.js';
import { validateSlice } from './shacl-run.js';
import { TermEncoder } from './shacl-transfer.js';
import type { ValidateRequest, ValidateResponse } from './shacl-transfer.js';

async function answer(request: ValidateRequest): Promise<ValidateResponse> {
  try {
    const quads = new Parser({ format: 'text/turtle', factory: parsingFactory(), ...(request.baseIRI === undefined ? {} : { baseIRI: request.baseIRI }) }).parse(request.text);
    const perShape = await validateSlice(brandValidator(), new IndexedDataset(quads), request.slice);
    const encoder = new TermEncoder(quads);
    return { id: request.id, results: perShape.map((records) => records.map((r) => encoder.record(r))) };
  } catch (cause) {
    return { id: request.id, error: cause instanceof Error ? cause.message : String(cause) };
  }
}

parentPort?.on('message', (request: ValidateRequest) => {
  void answer(request).then((response) => parentPort?.postMessage(response));
});
