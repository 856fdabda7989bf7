// A scripted provider: answers each call with the next queued code (or throws the queued error)
// and records the input it was given, so heal-loop tests can assert the feedback it received.
import type { Candidate, Provider, ProviderInput, ProviderName } from '../../types.js';

export type Script = string | Error;

export function scriptedProvider(script: Script[], name: ProviderName = 'claude', fit = 0.5): Provider & { inputs: ProviderInput[] } {
  const inputs: ProviderInput[] = [];
  return {
    name,
    deterministic: false,
    inputs,
    generate(input): Promise<Candidate> {
      inputs.push({ ...input, history: [...input.history] });
      const next = script[inputs.length - 1];
      if (next === undefined) return Promise.reject(new Error('script exhausted'));
      if (next instanceof Error) return Promise.reject(next);
      return Promise.resolve({ code: next, fit });
    },
  };
}
